package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.FisherYates;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.variant.rbm.RestrictedBoltzmannMachine;
import org.aeworkbench.engine.variant.rbm.RestrictedBoltzmannMachine.HiddenUnits;

/**
 * Greedy pretraining of the encoder as a stack of restricted Boltzmann machines (Hinton and
 * Salakhutdinov 2006; {@link RbmPretrainingSpec}). Machine i has the units of encoder layer i as
 * its hidden layer and those below as its visible layer; it learns by contrastive divergence on
 * the hidden means of machine i - 1 for the data (the data itself for the first), in minibatches of
 * the design's batch size, reshuffled each epoch.
 *
 * <p>After each epoch the machine is unrolled into the model: W and the hidden biases into encoder
 * layer i, W^T and the visible biases into decoder layer n - 1 - i (only the biases when the
 * decoder's weights are tied). The model therefore always holds every machine trained so far, which
 * the views read (its filters, a Gibbs chain from it), and fine-tuning starts from the unrolled
 * stack.
 *
 * <p>Each machine is a stage, "rbm i/n". Each epoch reports, on the training side, the mean-field
 * reconstruction error of the first training samples (as many as there are validation samples, at
 * least 1,000 when there are none) and the free-energy gap, mean F(validation) - mean F(those
 * training samples), the overfitting signal of Hinton's "A Practical Guide to Training Restricted
 * Boltzmann Machines" (2010, section 6); on the validation side the reconstruction error of the
 * validation samples. Within an epoch the stage reports the contrastive-divergence reconstruction
 * error of its minibatches.
 */
public final class RbmPretraining implements TrainingPhase {

    public static final String FREE_ENERGY_GAP = "free energy gap";

    private static final String PREFIX = "rbm ";
    private static final int REPORTS_PER_EPOCH = 20;

    private final ModelSpec spec;
    private final RbmPretrainingSpec rbm;

    RbmPretraining(ModelSpec spec, RbmPretrainingSpec rbm) {
        this.spec = spec;
        this.rbm = rbm;
    }

    /** "rbm 1/4" for machine 0 of 4. */
    public static String stageName(int layer, int layers) {
        return PREFIX + (layer + 1) + "/" + layers;
    }

    /** The 0-based machine a stage trains, or -1 when the stage is not an RBM's ("fine-tune"). */
    public static int layerOfStage(String stageName) {
        if (stageName == null || !stageName.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(stageName.substring(PREFIX.length(), stageName.indexOf('/'))) - 1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public int epochs() {
        return spec.encoder().size() * rbm.epochsPerLayer();
    }

    @Override
    public int epochsOfStage(String stageName) {
        return layerOfStage(stageName) >= 0 ? rbm.epochsPerLayer() : -1;
    }

    @Override
    public boolean run(PhaseContext context) {
        Autoencoder model = context.model();
        Compute compute = context.compute();
        int layers = spec.encoder().size();
        int n = context.trainSamples();
        int nVal = context.validationSamples();
        float[] data = context.train();
        float[] val = nVal > 0 ? context.validation() : null;
        int visible = model.inputShape().size();
        for (int i = 0; i < layers; i++) {
            RestrictedBoltzmannMachine machine = new RestrictedBoltzmannMachine(visible, spec.encoder().get(i).units(),
                    unitsOf(spec, i));
            SplittableRandom random = new SplittableRandom(spec.training().seed() * 0x9E3779B97F4A7C15L + 101 + i);
            machine.initialize(random);
            if (!train(context, machine, i, data, n, val, nVal, random)) {
                return false;
            }
            if (i + 1 < layers) {
                data = hiddenMeans(compute, machine, data, n);
                val = val == null ? null : hiddenMeans(compute, machine, val, nVal);
                visible = machine.hidden();
            }
        }
        return true;
    }

    /** Gaussian hidden units for a linear code layer, Bernoulli ones elsewhere. */
    static HiddenUnits unitsOf(ModelSpec spec, int layer) {
        boolean linearCode = layer == spec.encoder().size() - 1 && spec.encoder().get(layer) instanceof DenseSpec d
                && d.activation() == Activation.IDENTITY;
        return linearCode ? HiddenUnits.GAUSSIAN : HiddenUnits.BERNOULLI;
    }

    /** Trains one machine as a stage; false when it was stopped or diverged. */
    private boolean train(PhaseContext context, RestrictedBoltzmannMachine machine, int layer, float[] data, int n,
                          float[] val, int nVal, SplittableRandom random) {
        Compute compute = context.compute();
        int layers = spec.encoder().size();
        String name = stageName(layer, layers);
        int epochs = rbm.epochsPerLayer();
        PhaseContext.StageRun stage = context.beginStage(name, epochs);
        int v = machine.visible();
        int batchSize = Math.max(1, Math.min(spec.training().batchSize(), n));
        int batches = (n + batchSize - 1) / batchSize;
        int reportEvery = Math.max(1, batches / REPORTS_PER_EPOCH);
        float[] batch = new float[batchSize * v];
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        int probe = Math.min(n, nVal > 0 ? nVal : 1000);
        boolean gaussian = machine.units() == HiddenUnits.GAUSSIAN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            var update = rbm.update(gaussian, epoch);
            FisherYates.shuffle(order, random);
            double windowError = 0;
            int windowRows = 0;
            for (int b = 0; b < batches; b++) {
                if (!stage.proceed()) {
                    stage.end(false, "Stopped by the user during " + name + ", epoch " + (epoch + 1) + ".");
                    return false;
                }
                int from = b * batchSize;
                int rows = Math.min(batchSize, n - from);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(data, order[from + r] * v, batch, r * v, v);
                }
                double error = machine.contrastiveDivergence(compute, batch, rows, update, random);
                if (!Double.isFinite(error)) {
                    stage.end(false, String.format(Locale.ROOT, "Training diverged: %s's reconstruction error became"
                            + " %s at epoch %d, batch %d. Try a lower RBM learning rate (now %.3g) or a larger weight"
                            + " cost.", name, error, epoch + 1, b + 1, update.learningRate()));
                    return false;
                }
                windowError += error;
                windowRows += rows;
                if ((b + 1) % reportEvery == 0 || b == batches - 1) {
                    stage.batchDone(epoch, b + 1, batches, windowRows, LossTerms.of(windowError / windowRows, Map.of()));
                    windowError = 0;
                    windowRows = 0;
                }
            }
            unrollInto(context.model(), machine, layer);
            double trainError = machine.reconstructionError(compute, data, probe);
            LossTerms trainTerms = LossTerms.of(trainError, Map.of());
            LossTerms valTerms = null;
            if (val != null) {
                double gap = machine.meanFreeEnergy(compute, val, nVal) - machine.meanFreeEnergy(compute, data, probe);
                trainTerms = trainTerms.withMetrics(Map.of(FREE_ENERGY_GAP, gap));
                valTerms = LossTerms.of(machine.reconstructionError(compute, val, nVal), Map.of());
            }
            stage.epochDone(epoch, trainTerms, valTerms);
        }
        stage.end(true, "Trained " + name + " for " + epochs + " epochs.");
        return true;
    }

    /**
     * Writes a machine into the model as the paper unrolls it: W and the hidden biases into encoder
     * layer {@code layer}, W^T and the visible biases into the decoder layer that mirrors it.
     */
    static void unrollInto(Autoencoder model, RestrictedBoltzmannMachine machine, int layer) {
        DenseLayer encoder = denseEncoder(model).get(layer);
        System.arraycopy(machine.weights(), 0, encoder.weight().value(), 0, machine.weights().length);
        System.arraycopy(machine.hiddenBias(), 0, encoder.bias().value(), 0, machine.hidden());
        Layer decoder = model.decoderLayers().get(model.decoderLayers().size() - 1 - layer);
        int v = machine.visible();
        int h = machine.hidden();
        for (Parameter p : decoder.parameters()) {
            if (p.rows() == h && p.cols() == v) {
                float[] w = machine.weights();
                float[] t = p.value();
                for (int i = 0; i < v; i++) {
                    for (int j = 0; j < h; j++) {
                        t[j * v + i] = w[i * h + j];
                    }
                }
            } else if (p.rows() == 1 && p.cols() == v) {
                System.arraycopy(machine.visibleBias(), 0, p.value(), 0, v);
            }
        }
    }

    /**
     * The machines a model holds once pretrained (or fine-tuned) as {@link #unrollInto} wrote them:
     * machine i from encoder layer i (W, hidden biases) and the visible biases of the decoder layer
     * mirroring it, for the first {@code count} layers.
     */
    public static List<RestrictedBoltzmannMachine> machines(Autoencoder model, int count) {
        List<DenseLayer> encoder = denseEncoder(model);
        List<RestrictedBoltzmannMachine> machines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DenseLayer e = encoder.get(i);
            int v = e.weight().rows();
            int h = e.weight().cols();
            RestrictedBoltzmannMachine m = new RestrictedBoltzmannMachine(v, h, unitsOf(model.spec(), i));
            System.arraycopy(e.weight().value(), 0, m.weights(), 0, v * h);
            System.arraycopy(e.bias().value(), 0, m.hiddenBias(), 0, h);
            Layer decoder = model.decoderLayers().get(model.decoderLayers().size() - 1 - i);
            for (Parameter p : decoder.parameters()) {
                if (p.rows() == 1 && p.cols() == v) {
                    System.arraycopy(p.value(), 0, m.visibleBias(), 0, v);
                }
            }
            machines.add(m);
        }
        return machines;
    }

    private static List<DenseLayer> denseEncoder(Autoencoder model) {
        List<DenseLayer> dense = new ArrayList<>();
        for (Layer l : model.encoderLayers()) {
            if (l instanceof DenseLayer d) {
                dense.add(d);
            }
        }
        return dense;
    }

    private static float[] hiddenMeans(Compute compute, RestrictedBoltzmannMachine machine, float[] x, int n) {
        float[] h = new float[n * machine.hidden()];
        machine.hiddenMeans(compute, x, n, h);
        return h;
    }
}
