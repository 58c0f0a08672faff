package org.aeworkbench.cli.bench;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;

/**
 * The speed workloads, named as in bench/pytorch/workloads.py so bench/compare can pair them:
 * one epoch of each reference design over 60,000 samples (the bundled 10,000 MNIST digits tiled
 * six times), PCA on the same 60,000 x 784 matrix, and GEMM at the dense layers' shapes.
 */
final class SpeedWorkloads {

    /** Training designs timed for one epoch, by workload name and preset. */
    private static final String[][] TRAINING = {
        {"dense-reference", "reference"},
        {"hinton-2006", "hinton-2006"},
        {"vae-784-400-20", "vae-pytorch-example"},
        {"conv-ae", "conv-ae"},
    };

    static final int SAMPLES = 60_000;
    static final int QUICK_SAMPLES = 6_000;

    private final boolean quick;
    private final int threads;
    private final Backend backend;
    private final double peakGflops;
    private final float[] data;
    private final int samples;

    /**
     * @param dataFile 28 x 28 images to train on instead of the bundled MNIST 10k (null for those),
     *                 their first rows tiled or cut to the epoch's size, as bench/pytorch's --data;
     *                 prepared by the rule train uses for a BCE design ({@code --scale auto}: bytes
     *                 divided by 255, as bench/pytorch divides them)
     */
    SpeedWorkloads(boolean quick, int threads, Backend backend, double peakGflops, String dataFile) {
        this.quick = quick;
        this.threads = threads;
        this.backend = backend;
        this.peakGflops = peakGflops;
        Dataset loaded = DataSources.load(dataFile == null ? "mnist" : dataFile);
        Dataset images = Preparation.fit(ScaleChoice.AUTO, loaded, ReconstructionLoss.BCE).apply(loaded);
        if (images.features() != 784) {
            throw new IllegalArgumentException(dataFile + ": the workloads need 28 x 28 images (784 values a row), not "
                    + images.features());
        }
        // Quick runs use 6,000 rows, as bench/pytorch/workloads.py --quick does, so bench/compare pairs like with like.
        this.samples = quick ? QUICK_SAMPLES : SAMPLES;
        this.data = new float[samples * images.features()];
        float[] values = images.values();
        for (int at = 0; at < data.length; at += values.length) {
            System.arraycopy(values, 0, data, at, Math.min(values.length, data.length - at));
        }
    }

    int samples() {
        return samples;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (String[] t : TRAINING) {
            names.add(t[0]);
        }
        names.add("pca-60000x784");
        for (int[] g : gemmShapes()) {
            names.add(gemmName(g));
        }
        return names;
    }

    WorkloadResult run(String name) {
        for (String[] t : TRAINING) {
            if (t[0].equals(name)) {
                return training(name, t[1]);
            }
        }
        if (name.equals("pca-60000x784")) {
            return pca(name);
        }
        for (int[] g : gemmShapes()) {
            if (gemmName(g).equals(name)) {
                return gemm(name, g);
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "': use one of " + String.join(", ", names()));
    }

    private int warmups() {
        return 1;
    }

    private int runs() {
        return quick ? 1 : 3;
    }

    private WorkloadResult training(String name, String preset) {
        ModelSpec spec;
        try {
            spec = Presets.get(preset, new org.aeworkbench.engine.tensor.Shape(28, 28, 1));
        } catch (SpecException e) {
            return unavailable(name, "preset '" + preset + "' is not in this build");
        }
        try (Compute compute = Compute.create(backend, threads)) {
            Autoencoder model;
            try {
                model = ModelBuilder.build(spec, new org.aeworkbench.engine.tensor.Shape(28, 28, 1));
            } catch (SpecException e) {
                return unavailable(name, e.getMessage());
            }
            Trainer trainer = new Trainer(model, compute);
            Timing.Stats t = Timing.measure(warmups(), runs(), () ->
                    trainer.fit(data, samples, null, 0, 1, new TrainingControl(), TrainingListener.NONE));
            double flops = Flops.trainingPerSample(model) * samples;
            return result(name, t, samples / t.median(), flops, "batch " + spec.training().batchSize() + ", "
                    + compute.description());
        }
    }

    /** Training workloads' names (those {@link #profile} can profile). */
    List<String> trainingNames() {
        List<String> names = new ArrayList<>();
        for (String[] t : TRAINING) {
            names.add(t[0]);
        }
        return names;
    }

    /**
     * One profiled epoch of a training workload, after one unprofiled warm-up epoch: the data
     * split 9 to 1 into training and validation, as {@code train} splits it, so the validation
     * pass is part of the epoch.
     */
    EpochProfileResult profile(String name) {
        String preset = null;
        for (String[] t : TRAINING) {
            if (t[0].equals(name)) {
                preset = t[1];
            }
        }
        if (preset == null) {
            throw new IllegalArgumentException("cannot profile '" + name + "': use one of " + String.join(", ", trainingNames()));
        }
        org.aeworkbench.engine.tensor.Shape shape = new org.aeworkbench.engine.tensor.Shape(28, 28, 1);
        ModelSpec spec = Presets.get(preset, shape);
        int features = shape.size();
        int nVal = samples / 10;
        int nTrain = samples - nVal;
        float[] validation = java.util.Arrays.copyOfRange(data, nTrain * features, samples * features);
        try (Compute compute = Compute.create(backend, threads, true)) {
            Trainer trainer = new Trainer(ModelBuilder.build(spec, shape), compute);
            trainer.fit(data, nTrain, validation, nVal, 1, new TrainingControl(), TrainingListener.NONE);
            org.aeworkbench.engine.train.EpochProfile p = new org.aeworkbench.engine.train.EpochProfile();
            trainer.profileInto(p);
            trainer.fit(data, nTrain, validation, nVal, 1, new TrainingControl(), TrainingListener.NONE);
            return new EpochProfileResult(name, nTrain, nVal, p.totalNanos() / 1e9, p.nanos(), compute.description());
        }
    }

    private WorkloadResult pca(String name) {
        int n = 60_000;
        float[] x = new float[n * 784];
        for (int i = 0; i < x.length; i += data.length) {
            System.arraycopy(data, 0, x, i, Math.min(data.length, x.length - i));
        }
        Timing.Stats t = Timing.measure(warmups(), runs(), () -> Pca.fit(x, n, 784, 30, false, Math.max(1, effectiveThreads())));
        // The scatter matrix X^T X dominates: n d^2 multiply-adds, half of them by symmetry.
        double flops = (double) n * 784 * 784;
        return result(name, t, n / t.median(), flops, "k = 30, covariance + symmetric eigendecomposition");
    }

    private int effectiveThreads() {
        return threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    private static List<int[]> gemmShapes() {
        // (m, k, n) of the reference model's largest forward product and Hinton's first layer.
        return List.of(new int[] {256, 784, 512}, new int[] {128, 784, 512}, new int[] {128, 784, 1000});
    }

    private static String gemmName(int[] g) {
        return "gemm-" + g[0] + "x" + g[1] + "x" + g[2];
    }

    private WorkloadResult gemm(String name, int[] g) {
        int m = g[0];
        int k = g[1];
        int n = g[2];
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
        int reps = quick ? 50 : 400;
        try (Compute compute = Compute.create(backend, threads)) {
            Timing.Stats block = Timing.measure(warmups(), runs(), () -> {
                for (int i = 0; i < reps; i++) {
                    compute.gemm().sgemm(false, false, m, n, k, 1f, a, b, 0f, c);
                }
            });
            // Seconds per call, as the PyTorch side reports them.
            Timing.Stats t = new Timing.Stats(block.median() / reps, block.min() / reps, block.max() / reps);
            return result(name, t, 0, 2.0 * m * n * k, compute.description() + ", per call, " + reps + " calls timed");
        }
    }

    private WorkloadResult result(String name, Timing.Stats t, double samplesPerSecond, double flops, String note) {
        double gflops = flops / t.median() / 1e9;
        return new WorkloadResult(name, t.median(), t.min(), t.max(), samplesPerSecond, gflops, gflops / peakGflops,
                Timing.peakHeapMb(), note);
    }

    private static WorkloadResult unavailable(String name, String why) {
        return new WorkloadResult(name, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, "unavailable: " + why);
    }
}
