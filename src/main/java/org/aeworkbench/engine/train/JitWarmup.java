package org.aeworkbench.engine.train;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Trains two small stand-ins (a dense autoencoder on 64 inputs and the convolutional preset on a
 * few images) on random data in the background while a command loads its data, so the JIT has
 * compiled the element-wise and convolution kernels by the time the real run starts. Until C2
 * compiles them, the Vector API's operations run in the interpreter and allocate on every call:
 * the reference design's first 2,688 samples took 1.1-1.3 s, against 0.1-0.25 s once compiled,
 * and 0.31-0.64 s after a second of this warm-up (docs/performance.md). Closing it stops the
 * stand-ins before the run begins, so it never competes with the run for a core.
 *
 * <p>It draws from no seed the run uses and touches none of its state: the run's losses are the
 * same with or without it.
 */
public final class JitWarmup implements AutoCloseable {

    private final TrainingControl control = new TrainingControl();
    private final Thread thread;
    private volatile long steps;

    private JitWarmup() {
        thread = new Thread(this::run, "jit-warmup");
        thread.setDaemon(true);
    }

    /** Starts warming up, unless {@code -Daeworkbench.jitWarmup=false} (for A/B measurements). */
    public static JitWarmup start() {
        JitWarmup w = new JitWarmup();
        if (!"false".equals(System.getProperty("aeworkbench.jitWarmup"))) {
            w.thread.start();
        }
        return w;
    }

    /** Minibatch steps the stand-ins took (for measurements). */
    public long steps() {
        return steps;
    }

    private void run() {
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            SplittableRandom random = new SplittableRandom(20_26);
            Shape dense = Shape.vector(64);
            Shape image = Shape.image(28, 28, 1);
            ModelSpec[] specs = {small(Presets.get("reference", dense), 16), small(Presets.get("conv-ae", image), 2)};
            Shape[] shapes = {dense, image};
            float[][] data = {values(256 * 64, random), values(8 * 784, random)};
            for (int round = 0; !control.isCancelled(); round = 1 - round) {
                Autoencoder model = ModelBuilder.build(specs[round], shapes[round]);
                int n = data[round].length / shapes[round].size();
                int validation = n / 4;
                float[] x = data[round];
                TrainingResult r = new Trainer(model, compute).fit(x, n - validation,
                        java.util.Arrays.copyOfRange(x, (n - validation) * shapes[round].size(), x.length), validation,
                        control, TrainingListener.NONE);
                steps += r.history().size() * (long) ((n - validation) / specs[round].training().batchSize());
            }
        } catch (RuntimeException | Error e) {
            // A warm-up that fails costs the run nothing but the speed it would have bought.
        }
    }

    private static ModelSpec small(ModelSpec spec, int batch) {
        return spec.withTraining(spec.training().withEpochs(1).withBatchSize(batch));
    }

    private static float[] values(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble();
        }
        return v;
    }

    /** Stops the stand-ins without waiting for their thread, for a caller that must not block (the FX thread). */
    public void cancel() {
        control.cancel();
    }

    /** Stops the stand-ins and waits for their thread (a step of theirs takes well under a millisecond once compiled). */
    @Override
    public void close() {
        control.cancel();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
