package org.aeworkbench.engine.conv;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The lowerings of each convolution of the Keras autoencoder (conv-ae), timed against each other
 * on one batch of 128: forward, weight and input gradient, in CPU time of one thread (OpenBLAS held
 * to one thread by OPENBLAS_NUM_THREADS=1), alternating, so a busy machine slows all alike. It
 * reports and asserts nothing. Run it alone:
 * <pre>OPENBLAS_NUM_THREADS=1 mvn test -Dtest=ConvLoweringMeasurement -Daeworkbench.measure=true</pre>
 */
class ConvLoweringMeasurement {

    @Test
    void eachLoweringOnEachLayerOfTheConvolutionalAutoencoder() {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int batch = 128;
        // (input shape, filters, padding) of conv-ae's seven convolutions, 3x3, stride 1.
        Object[][] layers = {
            {new Shape(28, 28, 1), 16, Padding.SAME}, {new Shape(14, 14, 16), 8, Padding.SAME},
            {new Shape(7, 7, 8), 8, Padding.SAME}, {new Shape(4, 4, 8), 8, Padding.SAME},
            {new Shape(8, 8, 8), 8, Padding.SAME}, {new Shape(16, 16, 8), 16, Padding.VALID},
            {new Shape(28, 28, 16), 1, Padding.SAME}};
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            System.out.println();
            for (Object[] l : layers) {
                Shape in = (Shape) l[0];
                int f = (Integer) l[1];
                WindowGeometry g = WindowGeometry.of("c", in, 3, 1, (Padding) l[2]);
                List<String> names = new ArrayList<>(List.of("patches", "kernels"));
                List<Function<WindowGeometry, ConvLowering>> make = new ArrayList<>(List.of(
                        x -> new PatchLowering(x, f), x -> new KernelLowering(x, f)));
                SplittableRandom r = new SplittableRandom(1);
                float[] x = ConvCase.uniform(batch * in.size(), r, -1, 1);
                for (int i = 0; i < x.length; i += 2) {
                    x[i] = 0f; // half zeros, as after a ReLU
                }
                float[] w = ConvCase.uniform(g.patchSize() * f, r, -1, 1);
                float[] z = new float[batch * g.positions() * f];
                float[] dz = ConvCase.uniform(z.length, r, -1, 1);
                float[] wGrad = new float[w.length];
                float[] gradIn = new float[x.length];
                double[][] ms = new double[names.size()][7];
                List<ConvLowering> lowerings = new ArrayList<>();
                for (var m : make) {
                    lowerings.add(m.apply(g));
                }
                for (int rep = 0; rep < 9; rep++) {
                    for (int i = 0; i < lowerings.size(); i++) {
                        ConvLowering c = lowerings.get(i);
                        long t0 = threads.getCurrentThreadCpuTime();
                        for (int k = 0; k < 5; k++) {
                            c.forward(compute, x, batch, w, z);
                            c.backward(compute, x, dz, batch, w, wGrad, in.channels() == 1 ? null : gradIn);
                        }
                        if (rep >= 2) {
                            ms[i][rep - 2] = (threads.getCurrentThreadCpuTime() - t0) / 5e6;
                        }
                    }
                }
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s -> %d filters:", in, f));
                for (int i = 0; i < names.size(); i++) {
                    double[] v = ms[i].clone();
                    java.util.Arrays.sort(v);
                    b.append(String.format(Locale.ROOT, "  %s %.2f ms", names.get(i), v[v.length / 2]));
                }
                System.out.println(b + "  (forward + backward of 128 samples, median CPU time)");
            }
        }
    }
}
