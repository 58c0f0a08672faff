package org.aeworkbench.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

/**
 * Training and measuring on the fidelity split: rows 0-7,999 of the bundled MNIST for training,
 * 8,000-9,999 for testing, the split bench/pytorch/fidelity.py uses too.
 */
final class FidelityRuns {

    static final int TRAIN = 8000;
    static final int TEST = 2000;

    final Compute compute;
    final Shape shape;
    final float[] train;
    final float[] test;
    final int[] trainLabels;
    final int[] testLabels;

    FidelityRuns(Compute compute) {
        this.compute = compute;
        Dataset mnist = DataSources.load("mnist");
        shape = mnist.sampleShape();
        int f = mnist.features();
        train = java.util.Arrays.copyOfRange(mnist.values(), 0, TRAIN * f);
        test = java.util.Arrays.copyOfRange(mnist.values(), TRAIN * f, (TRAIN + TEST) * f);
        trainLabels = java.util.Arrays.copyOfRange(mnist.labels(), 0, TRAIN);
        testLabels = java.util.Arrays.copyOfRange(mnist.labels(), TRAIN, TRAIN + TEST);
    }

    ModelSpec preset(String name, int epochs) {
        ModelSpec spec = Presets.get(name, shape);
        return spec.withTraining(spec.training().withEpochs(epochs));
    }

    /** Builds and trains on the training rows, without validation. */
    Autoencoder trained(ModelSpec spec) {
        Autoencoder model = ModelBuilder.build(spec, shape);
        TrainingResult r = new Trainer(model, compute).fit(train, TRAIN, null, 0, new TrainingControl(), TrainingListener.NONE);
        if (r.status() != TrainingResult.Status.COMPLETED) {
            throw new IllegalStateException(spec.name() + ": " + r.message());
        }
        return model;
    }

    /**
     * Builds and trains on the training rows as the spec says, phases included (RBM pretraining),
     * with the training labels for the parts that use them; without validation.
     */
    TrainingResult trainedAsSpecified(Autoencoder model) {
        TrainingResult r = SpecTraining.run(model, compute, train, TRAIN, trainLabels, null, 0, new TrainingControl(),
                TrainingListener.NONE);
        if (r.status() != TrainingResult.Status.COMPLETED) {
            throw new IllegalStateException(model.spec().name() + ": " + r.message());
        }
        return r;
    }

    /** Mean over test samples of the summed squared error against {@code clean}. */
    double reconError(Autoencoder model, float[] input, float[] clean) {
        float[] out = model.reconstruct(compute, input, TEST);
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double d = out[i] - clean[i];
            sum += d * d;
        }
        return sum / TEST;
    }

    /** Mean test loss terms per sample, evaluated as the model was trained (noise off, VAE sampling on). */
    LossTerms sampledLoss(Autoencoder model, long seed) {
        int f = shape.size();
        int chunk = 500;
        float[] x = new float[chunk * f];
        SplittableRandom random = new SplittableRandom(seed);
        double recon = 0;
        java.util.Map<String, Double> penalties = new java.util.TreeMap<>();
        for (int s = 0; s < TEST; s += chunk) {
            int b = Math.min(chunk, TEST - s);
            System.arraycopy(test, s * f, x, 0, b * f);
            float[] out = model.forward(x, b, new Pass(compute, true, random));
            LossTerms t = model.lossAndBackward(compute, out, x, b, false);
            recon += t.reconstruction() * b;
            for (var e : t.penalties().entrySet()) {
                penalties.merge(e.getKey(), e.getValue() * b, Double::sum);
            }
        }
        penalties.replaceAll((k, v) -> v / TEST);
        return LossTerms.of(recon / TEST, penalties);
    }

    double meanCodeActivation(Autoencoder model) {
        float[] codes = model.encode(compute, test, TEST);
        double sum = 0;
        for (float c : codes) {
            sum += c;
        }
        return sum / codes.length;
    }

    /** Share of test codes with exactly k non-zero entries. */
    double shareWithExactlyKNonZero(Autoencoder model, int k) {
        float[] codes = model.encode(compute, test, TEST);
        int width = model.codeSize();
        int exact = 0;
        for (int i = 0; i < TEST; i++) {
            int nz = 0;
            for (int j = 0; j < width; j++) {
                if (codes[i * width + j] != 0f) {
                    nz++;
                }
            }
            if (nz == k) {
                exact++;
            }
        }
        return exact / (double) TEST;
    }

    /** Mean squared Frobenius norm of the encoder's Jacobian over the first 200 test samples. */
    double encoderJacobian(Autoencoder model) {
        List<DenseLayer> dense = new ArrayList<>();
        for (Layer l : model.encoderLayers()) {
            if (l instanceof DenseLayer d) {
                dense.add(d);
            }
        }
        return org.aeworkbench.engine.variant.EncoderJacobian.meanSquaredFrobeniusNorm(compute, dense, test, 200);
    }

    Pca pca(int k) {
        return Pca.fit(train, TRAIN, shape.size(), k, false, compute.threads());
    }

    double pcaError(Pca pca) {
        return pca.reconstructionError(test, TEST).meanSummedSquaredError();
    }
}
