package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.ActivatedLayer;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.EpochAware;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.layer.PenaltyLayer;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.GaussianSampleLayer;

/**
 * A built autoencoder: the layers of the encoder (ending at the code, including any sampling or
 * k-sparse stage) followed by those of the decoder, and the reconstruction loss.
 *
 * <p>Not thread-safe: layers reuse their buffers. Use {@link #copy()} to run inference on another
 * thread while this one trains.
 */
public final class Autoencoder {

    /** Inference runs in chunks of this many samples, bounding buffer sizes. */
    private static final int CHUNK = 256;

    private final ModelSpec spec;
    private final Shape inputShape;
    private final List<Layer> layers;
    private final int encoderLayers;
    private final ReconstructionLoss loss;
    private final List<Parameter> parameters;
    private final int firstTrainable;

    private float[] lossGrad;
    private double[] rowLoss;

    Autoencoder(ModelSpec spec, Shape inputShape, List<Layer> layers, int encoderLayers) {
        this.spec = spec;
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
        this.encoderLayers = encoderLayers;
        this.loss = spec.loss();
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) {
            ps.addAll(l.parameters());
        }
        this.parameters = Collections.unmodifiableList(ps);
        int first = 0;
        while (first < layers.size() - 1 && layers.get(first).parameters().isEmpty()) {
            first++;
        }
        this.firstTrainable = first;
    }

    public ModelSpec spec() {
        return spec;
    }

    public Shape inputShape() {
        return inputShape;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Layers up to and including the code stage. */
    public List<Layer> encoderLayers() {
        return layers.subList(0, encoderLayers);
    }

    public List<Layer> decoderLayers() {
        return layers.subList(encoderLayers, layers.size());
    }

    public int codeSize() {
        return layers.get(encoderLayers - 1).outputShape().size();
    }

    public ReconstructionLoss loss() {
        return loss;
    }

    /** All trainable parameters, each once, in a fixed order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** A deep copy with the same weights, for use on another thread. */
    public Autoencoder copy() {
        Autoencoder other = ModelBuilder.build(spec, inputShape);
        other.loadWeightsFrom(this);
        return other;
    }

    /** Copies weights from a model of the same design. */
    public void loadWeightsFrom(Autoencoder source) {
        List<Parameter> from = source.parameters();
        if (from.size() != parameters.size()) {
            throw new IllegalArgumentException("the models have different designs");
        }
        for (int i = 0; i < from.size(); i++) {
            System.arraycopy(from.get(i).value(), 0, parameters.get(i).value(), 0, parameters.get(i).size());
        }
    }

    /** Tells layers that change with the epoch (the k-sparse schedule) which epoch starts. */
    public void onEpochStart(int epoch) {
        for (Layer l : layers) {
            if (l instanceof EpochAware e) {
                e.onEpochStart(epoch);
            }
        }
    }

    /** Runs the whole network; returns the output buffer of the last layer. */
    public float[] forward(float[] x, int batch, Pass pass) {
        float[] h = x;
        for (Layer l : layers) {
            h = l.forward(h, batch, pass);
        }
        return h;
    }

    /**
     * Loss of the last {@link #forward} against {@code target}, and (when {@code backward}) the
     * gradients of the per-sample mean loss accumulated into the parameters. Parameter gradients
     * must be zeroed by the caller beforehand.
     */
    public LossTerms lossAndBackward(Compute compute, float[] output, float[] target, int batch, boolean backward) {
        int features = inputShape.size();
        float[] logits = outputLogits();
        if (backward) {
            lossGrad = Buffers.ensure(lossGrad, batch * features);
        }
        rowLoss = rowLoss != null && rowLoss.length >= batch ? rowLoss : new double[batch];
        double total = loss.evaluate(compute, output, logits, target, batch, features,
                backward ? lossGrad : null, 1f / batch, rowLoss);
        Map<String, Double> penalties = new LinkedHashMap<>();
        for (Layer l : layers) {
            if (l instanceof PenaltyLayer p) {
                penalties.merge(p.termName(), p.lastPenalty(), Double::sum);
            }
        }
        if (backward) {
            float[] g = lossGrad;
            for (int i = layers.size() - 1; i >= firstTrainable; i--) {
                Layer l = layers.get(i);
                // Stages before the first trainable layer (corruption, input taps) need no gradient.
                boolean needInput = i > firstTrainable;
                if (i == layers.size() - 1 && logits != null) {
                    g = ((ActivatedLayer) l).backwardFromPreActivation(g, batch, needInput);
                } else {
                    g = l.backward(g, batch, needInput);
                }
            }
        }
        return LossTerms.of(total / batch, penalties);
    }

    /**
     * The output layer's pre-activation after a forward pass when the loss is BCE on a sigmoid
     * output (the loss is then computed from logits, which never takes log of 0), else null.
     */
    private float[] outputLogits() {
        Layer last = layers.get(layers.size() - 1);
        if (loss == ReconstructionLoss.BCE && last instanceof ActivatedLayer a && a.activation() == Activation.SIGMOID) {
            return a.preActivation();
        }
        return null;
    }

    /**
     * Each sample's loss terms in an inference pass (no noise; a VAE's code is its posterior
     * mean): the reconstruction loss and, for a variational code, KL(q(z|x) || N(0, I)) without
     * beta. For a VAE their sum is the negative ELBO in nats with the expected reconstruction term
     * taken at the posterior mean, a deterministic score; {@link #evaluate} and the trainer's
     * validation loss draw z instead, as training does.
     */
    public SampleLosses sampleLosses(Compute compute, float[] x, int n) {
        int f = inputShape.size();
        double[] reconstruction = new double[n];
        GaussianSampleLayer code = layers.get(encoderLayers - 1) instanceof GaussianSampleLayer g ? g : null;
        double[] kl = code == null ? null : new double[n];
        double[] rows = new double[Math.min(n, CHUNK)];
        inChunks(compute, x, n, new ChunkVisitor() {
            @Override
            public void atCode(int start, int b, float[] codes) {
                if (code != null) {
                    code.klPerSample(kl, start, b);
                }
            }

            @Override
            public void atOutput(int start, int b, float[] input, float[] output) {
                loss.evaluate(compute, output, outputLogits(), input, b, f, null, 0f, rows);
                System.arraycopy(rows, 0, reconstruction, start, b);
            }
        });
        return new SampleLosses(reconstruction, kl);
    }

    /** What an evaluation pass does with each chunk: at the code stage, and at the output. */
    private interface ChunkVisitor {
        void atCode(int start, int b, float[] codes);

        void atOutput(int start, int b, float[] input, float[] output);
    }

    /** Runs n samples through every layer in an inference pass, {@value #CHUNK} at a time. */
    private void inChunks(Compute compute, float[] x, int n, ChunkVisitor visitor) {
        int f = inputShape.size();
        float[] chunk = new float[Math.min(n, CHUNK) * f];
        Pass pass = Pass.inference(compute);
        for (int start = 0; start < n; start += CHUNK) {
            int b = Math.min(CHUNK, n - start);
            System.arraycopy(x, start * f, chunk, 0, b * f);
            float[] out = chunk;
            for (int i = 0; i < layers.size(); i++) {
                out = layers.get(i).forward(out, b, pass);
                if (i == encoderLayers - 1) {
                    visitor.atCode(start, b, out);
                }
            }
            visitor.atOutput(start, b, chunk, out);
        }
    }

    /**
     * Per-sample loss terms; the arrays are the caller's.
     *
     * @param reconstruction the reconstruction loss of each sample (summed over features)
     * @param kl             each sample's KL divergence from the prior in nats, or null without a variational code
     */
    public record SampleLosses(double[] reconstruction, double[] kl) {

        /** Reconstruction plus KL: the negative ELBO of a VAE; null without a variational code. */
        public double[] negativeElbo() {
            if (kl == null) {
                return null;
            }
            double[] sum = new double[reconstruction.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = reconstruction[i] + kl[i];
            }
            return sum;
        }
    }

    /**
     * Runs the encoder alone on a batch, as a training pass when {@code pass} is one; returns the
     * code stage's output buffer. For training the encoder through its codes alone (an adversarial
     * autoencoder's generator step), followed by {@link #backwardFromCodes}.
     */
    public float[] forwardEncoder(float[] x, int batch, Pass pass) {
        float[] h = x;
        for (int i = 0; i < encoderLayers; i++) {
            h = layers.get(i).forward(h, batch, pass);
        }
        return h;
    }

    /**
     * Back-propagates dL/d(codes) of the last {@link #forwardEncoder} through the encoder,
     * accumulating into the encoder's parameter gradients (which the caller has zeroed).
     * {@code gradCodes} is scaled in place.
     */
    public void backwardFromCodes(float[] gradCodes, int batch) {
        float[] g = gradCodes;
        for (int i = encoderLayers - 1; i >= firstTrainable; i--) {
            g = layers.get(i).backward(g, batch, i > firstTrainable);
        }
    }

    /** The trainable parameters of the encoder layers, each once, in a fixed order. */
    public List<Parameter> encoderParameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : encoderLayers()) {
            ps.addAll(l.parameters());
        }
        return Collections.unmodifiableList(ps);
    }

    /** Codes of n samples (the mean for a VAE): n x codeSize. */
    public float[] encode(Compute compute, float[] x, int n) {
        return run(compute, x, n, inputShape.size(), 0, encoderLayers, codeSize());
    }

    /**
     * Codes drawn from the encoder's distribution: for a VAE z = mu + sigma * eps with eps ~ N(0, I)
     * from a stream seeded by {@code seed} (Kingma and Welling 2014, section 2.4); for a deterministic
     * encoder the same codes as {@link #encode}. n x codeSize.
     */
    public float[] sampleCodes(Compute compute, float[] x, int n, long seed) {
        Pass pass = Pass.evaluation(compute, new java.util.SplittableRandom(seed));
        return run(pass, x, n, inputShape.size(), 0, encoderLayers, codeSize());
    }

    /** Decoded outputs of n codes: n x inputSize. */
    public float[] decode(Compute compute, float[] codes, int n) {
        return run(compute, codes, n, codeSize(), encoderLayers, layers.size(), inputShape.size());
    }

    /** Reconstructions of n samples: n x inputSize. */
    public float[] reconstruct(Compute compute, float[] x, int n) {
        return run(compute, x, n, inputShape.size(), 0, layers.size(), inputShape.size());
    }

    private float[] run(Compute compute, float[] x, int n, int inWidth, int from, int to, int outWidth) {
        return run(Pass.inference(compute), x, n, inWidth, from, to, outWidth);
    }

    private float[] run(Pass pass, float[] x, int n, int inWidth, int from, int to, int outWidth) {
        float[] out = new float[n * outWidth];
        float[] chunk = new float[Math.min(n, CHUNK) * inWidth];
        for (int start = 0; start < n; start += CHUNK) {
            int b = Math.min(CHUNK, n - start);
            System.arraycopy(x, start * inWidth, chunk, 0, b * inWidth);
            float[] h = chunk;
            for (int i = from; i < to; i++) {
                h = layers.get(i).forward(h, b, pass);
            }
            System.arraycopy(h, 0, out, start * outWidth, b * outWidth);
        }
        return out;
    }

    /**
     * Mean loss terms over a data set as training reports them (no input noise; a VAE's code drawn
     * as in {@link #evaluate(Compute, float[], int, int, long)}), and the mean over samples of the
     * summed squared reconstruction error (Hinton and Salakhutdinov 2006's metric).
     */
    public Evaluation evaluate(Compute compute, float[] x, int n) {
        return evaluate(compute, x, n, 0);
    }

    /**
     * {@link #evaluate(Compute, float[], int, int, long)} with the noise seeded by the spec's seed,
     * as the trainer's validation pass does at every epoch's end.
     */
    public Evaluation evaluate(Compute compute, float[] x, int n, int codeRows) {
        return evaluate(compute, x, n, codeRows, spec.training().seed());
    }

    /**
     * Mean loss terms per sample, the mean summed squared error, and the codes of the first
     * {@code codeRows} samples.
     *
     * <p>The codes and the squared error come from the inference pass, the one {@link #encode} and
     * {@link #reconstruct} run (chunk by chunk as they do, so the codes equal {@code encode}'s bit
     * for bit and cost nothing extra). For a VAE the loss comes from a second pass that draws
     * z = mu + sigma * eps, eps ~ N(0, I), from a stream seeded by {@code noiseSeed}: the negative
     * ELBO of Kingma and Welling (2014), eq. 10, estimated with one sample per data point, as
     * training estimates it and as the PyTorch example's test loop reports it. The same seed and
     * samples give the same loss, whichever command computes it.
     */
    public Evaluation evaluate(Compute compute, float[] x, int n, int codeRows, long noiseSeed) {
        if (n == 0) {
            return new Evaluation(LossTerms.of(Double.NaN, Map.of()), Double.NaN, null);
        }
        int f = inputShape.size();
        int keep = Math.min(codeRows, n);
        int width = codeSize();
        float[] codes = keep > 0 ? new float[keep * width] : null;
        double[] sums = new double[2]; // loss, squared error
        // A VAE's loss is taken with z drawn from q(z|x), as trained; a second pass per chunk draws it.
        boolean sampledCode = layers.get(encoderLayers - 1) instanceof GaussianSampleLayer;
        Pass noisy = Pass.evaluation(compute, new java.util.SplittableRandom(noiseSeed * 0x9E3779B97F4A7C15L + 2));
        Map<String, Double> penalties = new LinkedHashMap<>();
        inChunks(compute, x, n, new ChunkVisitor() {
            @Override
            public void atCode(int start, int b, float[] out) {
                if (start < keep) {
                    System.arraycopy(out, 0, codes, start * width, Math.min(b, keep - start) * width);
                }
            }

            @Override
            public void atOutput(int start, int b, float[] input, float[] out) {
                for (int i = 0; i < b * f; i++) {
                    double d = out[i] - input[i];
                    sums[1] += d * d;
                }
                // The sampled pass reuses the layers' buffers: the codes and the error above are taken.
                float[] scored = sampledCode ? forward(input, b, noisy) : out;
                LossTerms t = lossAndBackward(compute, scored, input, b, false);
                sums[0] += t.reconstruction() * b;
                for (var e : t.penalties().entrySet()) {
                    penalties.merge(e.getKey(), e.getValue() * b, Double::sum);
                }
            }
        });
        penalties.replaceAll((k, v) -> v / n);
        return new Evaluation(LossTerms.of(sums[0] / n, penalties), sums[1] / n, codes);
    }

    /**
     * @param loss       mean loss terms per sample
     * @param reconError mean summed squared error per sample
     * @param codes      codes of the first samples asked for, or null
     */
    public record Evaluation(LossTerms loss, double reconError, float[] codes) {
    }
}
