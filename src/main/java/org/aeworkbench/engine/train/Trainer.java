package org.aeworkbench.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.FisherYates;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.MinibatchStep;
import org.aeworkbench.engine.model.ModelFootprint;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.optim.Optimizer;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.VariantSpec;
import org.aeworkbench.engine.model.VariationalSpec;

/**
 * Minibatch training of an {@link Autoencoder} on the calling thread.
 *
 * <p>Every random draw (shuffling, noise, VAE sampling) comes from one stream seeded by the spec,
 * consumed in a fixed order; products and loops are split the same way for a given thread count.
 * Together these make a run repeat bit for bit.
 *
 * <p>A step with a loss term that is NaN, infinite or beyond float range (an exploding VAE KL
 * included, see {@link LossTerms#divergedTerm()}) stops the run: the weights from the end of the
 * last good epoch are restored and the result names the term and says what to try.
 */
public final class Trainer {

    /** Batch snapshots per epoch, roughly; the UI throttles further. */
    private static final int SNAPSHOTS_PER_EPOCH = 20;

    private final Autoencoder model;
    private final Compute compute;
    private final ModelSpec spec;
    private final Optimizer optimizer;
    private final SplittableRandom random;
    private final List<MinibatchStep> steps = new ArrayList<>();

    private int stage;
    private String stageName = "train";
    private float[] probe;
    private int probeCount;
    private int probeEveryBatches;
    private boolean probeIsValidation;
    private EpochProfile profile;
    private int[] labels;

    public Trainer(Autoencoder model, Compute compute) {
        this.model = model;
        this.compute = compute;
        this.spec = model.spec();
        this.optimizer = spec.optimizer().build();
        // A stream of its own, so that changing the initialisation does not change the shuffles.
        this.random = new SplittableRandom(spec.training().seed() * 0x9E3779B97F4A7C15L + 1);
        for (VariantSpec part : spec.variants()) {
            MinibatchStep step = part.minibatchStep(model);
            if (step != null) {
                steps.add(step);
            }
        }
    }

    /** Labels the following {@link #fit} calls as a stage (stacked pretraining). */
    public void setStage(int index, String name) {
        this.stage = index;
        this.stageName = name;
    }

    /** Samples whose codes are computed every {@code everyBatches} batches and at each epoch end. */
    public void setProbe(float[] samples, int n, int everyBatches) {
        this.probe = samples;
        this.probeCount = n;
        this.probeEveryBatches = Math.max(1, everyBatches);
        this.probeIsValidation = false;
    }

    /**
     * The probe is the first {@code n} validation samples: at each epoch's end their codes come
     * out of the validation pass, which computes them anyway, so following them costs nothing
     * there (a separate probe of 1,250 samples is about 2% of the arithmetic of an epoch of 9,000).
     */
    public void setProbeFromValidation(int n, int everyBatches) {
        this.probe = null;
        this.probeCount = n;
        this.probeEveryBatches = Math.max(1, everyBatches);
        this.probeIsValidation = true;
    }

    /**
     * The training samples' class labels, one per row of the data {@link #fit} is given, or null
     * when it has none; each minibatch step receives those of its rows.
     */
    public void setLabels(int[] labels) {
        this.labels = labels;
    }

    public Autoencoder model() {
        return model;
    }

    /**
     * Adds the wall time of each phase of the following {@link #fit} calls to {@code into} (null
     * stops profiling). Products are told apart from the rest only when the compute context times
     * them ({@link Compute#create(org.aeworkbench.engine.blas.Backend, int, boolean)}).
     */
    public void profileInto(EpochProfile into) {
        this.profile = into;
    }

    /** Trains for the spec's number of epochs. */
    public TrainingResult fit(float[] train, int nTrain, float[] validation, int nVal,
                              TrainingControl control, TrainingListener listener) {
        return fit(train, nTrain, validation, nVal, spec.training().epochs(), control, listener);
    }

    public TrainingResult fit(float[] train, int nTrain, float[] validation, int nVal, int epochs,
                              TrainingControl control, TrainingListener listener) {
        TrainingSpec ts = spec.training();
        OptimizerSpec os = spec.optimizer();
        int f = model.inputShape().size();
        int batchSize = Math.max(1, Math.min(ts.batchSize(), nTrain));
        ModelFootprint.of(spec, model.inputShape()).requireTrainable(batchSize, optimizer.stateArrays());
        int batches = (nTrain + batchSize - 1) / batchSize;
        float[] xb = new float[batchSize * f];
        if (labels != null && labels.length < nTrain) {
            throw new IllegalArgumentException(labels.length + " labels for " + nTrain + " training samples");
        }
        SpecTraining.requireLabelsFit(spec, labels);
        int[] yb = labels == null ? null : new int[batchSize];
        String[] warned = new String[steps.size()];
        int[] order = new int[nTrain];
        for (int i = 0; i < nTrain; i++) {
            order[i] = i;
        }
        List<Parameter> params = model.parameters();
        float[][] lastGood = copyOf(params);
        float[][] best = null;
        double bestVal = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        List<EpochSnapshot> history = new ArrayList<>();
        float[] probeValues = probeIsValidation ? (nVal >= probeCount ? validation : null) : probe;
        if (probeIsValidation && probeValues == null) {
            throw new IllegalArgumentException("the probe is the first " + probeCount + " validation samples, but there are only "
                    + nVal + " of them");
        }
        // Optimisers leave gradients zero after each step; start from zero too (a cancelled or
        // diverged run may have left some behind).
        zeroGradients(params);
        long start = System.nanoTime();
        long stepNanos = 0;
        long samples = 0;
        int snapshotEvery = Math.max(1, batches / SNAPSHOTS_PER_EPOCH);
        listener.onStage(stage, stageName);
        for (int epoch = 0; epoch < epochs; epoch++) {
            model.onEpochStart(epoch);
            float lr = os.learningRateAt(epoch, epochs);
            long tEpoch = profile == null ? 0 : System.nanoTime();
            shuffle(order);
            if (profile != null) {
                profile.shuffling += System.nanoTime() - tEpoch;
            }
            double epochLoss = 0;
            Map<String, Double> epochPenalties = new HashMap<>();
            double windowLoss = 0;
            Map<String, Double> windowPenalties = new HashMap<>();
            Map<String, Double> epochMetrics = new HashMap<>();
            Map<String, Double> windowMetrics = new HashMap<>();
            Map<String, Double> stepMetrics = new HashMap<>();
            int windowBatches = 0;
            for (int b = 0; b < batches; b++) {
                if (!control.awaitRunnable()) {
                    return finish(TrainingResult.Status.CANCELLED, "Stopped by the user at epoch " + (epoch + 1)
                            + "; the model keeps its weights from the last completed step.", history, start, stepNanos, samples);
                }
                long t0 = System.nanoTime();
                int from = b * batchSize;
                int n = Math.min(batchSize, nTrain - from);
                gather(train, order, from, n, f, xb);
                if (yb != null) {
                    for (int r = 0; r < n; r++) {
                        yb[r] = labels[order[from + r]];
                    }
                }
                long tPass = profile == null ? 0 : System.nanoTime();
                long gemmBefore = profile == null ? 0 : compute.gemmNanos();
                Pass pass = new Pass(compute, true, random);
                float[] out = model.forward(xb, n, pass);
                LossTerms terms = model.lossAndBackward(compute, out, xb, n, true);
                long tStep = 0;
                if (profile != null) {
                    tStep = System.nanoTime();
                    long products = compute.gemmNanos() - gemmBefore;
                    profile.shuffling += tPass - t0;
                    profile.gemm += products;
                    profile.elementwise += tStep - tPass - products;
                }
                String diverged = terms.divergedTerm();
                if (diverged != null) {
                    restore(params, lastGood);
                    zeroGradients(params);
                    optimizer.reset();
                    steps.forEach(MinibatchStep::reset);
                    return finish(TrainingResult.Status.DIVERGED, divergenceMessage(epoch, b, diverged, terms),
                            history, start, stepNanos, samples);
                }
                if (ts.clipNorm() > 0) {
                    clipGradients(params, ts.clipNorm());
                }
                optimizer.step(compute, params, lr, (float) os.weightDecay());
                long tDone = System.nanoTime();
                if (profile != null) {
                    profile.optimiser += tDone - tStep;
                    profile.steps++;
                }
                // Extra minibatch steps of a variant (an adversarial regularisation phase) count as
                // training time and as "other" in a profile.
                for (int s = 0; s < steps.size(); s++) {
                    steps.get(s).step(xb, yb, n, pass, epoch, epochs, stepMetrics);
                    // Each new sentence once; one that clears and comes back is news again.
                    String warning = steps.get(s).warning();
                    if (warning != null && !warning.equals(warned[s])) {
                        listener.onWarning(stage, stageName, warning);
                    }
                    warned[s] = warning;
                }
                stepNanos += System.nanoTime() - t0;
                samples += n;
                epochLoss += terms.reconstruction() * n;
                windowLoss += terms.reconstruction();
                for (var e : terms.penalties().entrySet()) {
                    epochPenalties.merge(e.getKey(), e.getValue() * n, Double::sum);
                    windowPenalties.merge(e.getKey(), e.getValue(), Double::sum);
                }
                for (var e : stepMetrics.entrySet()) {
                    epochMetrics.merge(e.getKey(), e.getValue() * n, Double::sum);
                    windowMetrics.merge(e.getKey(), e.getValue(), Double::sum);
                }
                stepMetrics.clear();
                windowBatches++;
                if ((b + 1) % snapshotEvery == 0 || b == batches - 1) {
                    int wb = windowBatches;
                    Map<String, Double> wp = new HashMap<>(windowPenalties);
                    wp.replaceAll((k, v) -> v / wb);
                    Map<String, Double> wm = new HashMap<>(windowMetrics);
                    wm.replaceAll((k, v) -> v / wb);
                    float[] codes = probeValues != null && (b + 1) % probeEveryBatches == 0
                            ? model.encode(compute, probeValues, probeCount) : null;
                    listener.onBatch(new BatchSnapshot(stage, stageName, epoch, b + 1, batches, samples,
                            LossTerms.of(windowLoss / wb, wp).withMetrics(wm), rate(samples, stepNanos), codes));
                    windowLoss = 0;
                    windowPenalties.clear();
                    windowMetrics.clear();
                    windowBatches = 0;
                }
            }
            if (!weightsFinite(params)) {
                restore(params, lastGood);
                optimizer.reset();
                steps.forEach(MinibatchStep::reset);
                return finish(TrainingResult.Status.DIVERGED, "The weights overflowed during epoch " + (epoch + 1)
                        + "; the weights from the last good epoch are kept. Try a lower learning rate (now "
                        + os.learningRate() + ") or gradient clipping.", history, start, stepNanos, samples);
            }
            int seen = nTrain;
            epochPenalties.replaceAll((k, v) -> v / seen);
            epochMetrics.replaceAll((k, v) -> v / seen);
            LossTerms trainTerms = LossTerms.of(epochLoss / nTrain, epochPenalties).withMetrics(epochMetrics);
            LossTerms valTerms = null;
            double valRecon = Double.NaN;
            float[] epochCodes = null;
            long tEval = profile == null ? 0 : System.nanoTime();
            if (nVal > 0) {
                Autoencoder.Evaluation ev = model.evaluate(compute, validation, nVal, probeIsValidation ? probeCount : 0);
                valTerms = ev.loss();
                valRecon = ev.reconError();
                epochCodes = ev.codes();
            }
            if (probeValues != null && !probeIsValidation) {
                epochCodes = model.encode(compute, probeValues, probeCount);
            }
            if (profile != null) {
                long now = System.nanoTime();
                profile.evaluation += now - tEval;
                profile.total += now - tEpoch;
            }
            EpochSnapshot snap = new EpochSnapshot(stage, stageName, epoch, epochs, trainTerms, valTerms, valRecon,
                    (System.nanoTime() - start) / 1e9, rate(samples, stepNanos), epochCodes);
            history.add(snap);
            listener.onEpoch(snap);
            lastGood = copyInto(params, lastGood);
            if (ts.patience() > 0 && valTerms != null) {
                if (valTerms.total() < bestVal) {
                    bestVal = valTerms.total();
                    best = copyInto(params, best);
                    sinceBest = 0;
                } else if (++sinceBest >= ts.patience()) {
                    restore(params, best);
                    return finish(TrainingResult.Status.EARLY_STOPPED, "Stopped early after epoch " + (epoch + 1)
                            + ": the validation loss did not improve for " + ts.patience()
                            + " epochs; the best weights are kept.", history, start, stepNanos, samples);
                }
            }
        }
        return finish(TrainingResult.Status.COMPLETED, "Trained " + epochs + " epochs.", history, start, stepNanos, samples);
    }

    /** Which term went wrong, where, and what to change for that term. */
    private String divergenceMessage(int epoch, int batch, String term, LossTerms t) {
        double value = term.equals("reconstruction") ? t.reconstruction() : t.penalties().get(term);
        String what = switch (term) {
            case "reconstruction" -> "the reconstruction loss";
            case "kl" -> "the KL term of the VAE";
            default -> "the " + term + " penalty";
        };
        String how = Double.isNaN(value) ? "became NaN"
                : Double.isInfinite(value) ? "became infinite"
                : String.format(java.util.Locale.ROOT, "grew to %.3g, beyond what the float weights can hold,", value);
        String why = term.equals("kl") ? " (the encoder's log-variance grew until exp(log-variance) overflowed)" : "";
        String fix = switch (term) {
            case "reconstruction" -> ", or MSE instead of BCE";
            case "kl" -> ", a smaller beta" + (spec.has(VariationalSpec.class) ? " (now " + spec.variant(VariationalSpec.class).beta() + ")" : "")
                    + ", or a KL warm-up over a few epochs";
            default -> ", or a smaller weight for the " + term + " penalty";
        };
        return "Training diverged: " + what + " " + how + " at epoch " + (epoch + 1) + ", batch " + (batch + 1) + why
                + ". The weights from the end of the last good epoch are kept. Try a lower learning rate (now "
                + spec.optimizer().learningRate() + ")"
                + (spec.training().clipNorm() > 0 ? "" : ", gradient clipping (clip norm, e.g. 5)") + fix + ".";
    }

    private TrainingResult finish(TrainingResult.Status status, String message, List<EpochSnapshot> history,
                                  long start, long stepNanos, long samples) {
        return new TrainingResult(status, message, history, (System.nanoTime() - start) / 1e9, rate(samples, stepNanos));
    }

    private static double rate(long samples, long nanos) {
        return nanos == 0 ? 0 : samples / (nanos / 1e9);
    }

    private void shuffle(int[] order) {
        FisherYates.shuffle(order, random);
    }

    private void gather(float[] data, int[] order, int from, int n, int f, float[] xb) {
        compute.parallelRows(n, f, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                System.arraycopy(data, order[from + r] * f, xb, r * f, f);
            }
        });
    }

    private void zeroGradients(List<Parameter> params) {
        for (Parameter p : params) {
            float[] g = p.grad();
            compute.parallelFor(g.length, (a, b) -> Arrays.fill(g, a, b, 0f));
        }
    }

    /** Scales all gradients so that their joint L2 norm is at most {@code maxNorm}. */
    private static void clipGradients(List<Parameter> params, double maxNorm) {
        double sq = 0;
        for (Parameter p : params) {
            for (float g : p.grad()) {
                sq += (double) g * g;
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float s = (float) (maxNorm / norm);
            for (Parameter p : params) {
                float[] g = p.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= s;
                }
            }
        }
    }

    private static boolean weightsFinite(List<Parameter> params) {
        for (Parameter p : params) {
            double s = 0;
            for (float v : p.value()) {
                s += v;
            }
            if (!Double.isFinite(s)) {
                return false;
            }
        }
        return true;
    }

    private static float[][] copyOf(List<Parameter> params) {
        return copyInto(params, null);
    }

    private static float[][] copyInto(List<Parameter> params, float[][] into) {
        float[][] c = into != null ? into : new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            float[] v = params.get(i).value();
            if (c[i] == null || c[i].length != v.length) {
                c[i] = new float[v.length];
            }
            System.arraycopy(v, 0, c[i], 0, v.length);
        }
        return c;
    }

    private static void restore(List<Parameter> params, float[][] saved) {
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(saved[i], 0, params.get(i).value(), 0, saved[i].length);
        }
    }
}
