package org.aeworkbench.engine;

import java.util.SplittableRandom;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;

/** Small data shared by engine tests. */
public final class TestModels {

    private static Dataset mnist;

    private TestModels() {
    }

    /** Uniform values in [0, 1) from a seed. */
    public static float[] uniform(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    /** The first {@code n} bundled MNIST digits (the file is shuffled, so any prefix is balanced). */
    public static synchronized Dataset mnist(int n) {
        if (mnist == null) {
            mnist = DataSources.load("mnist");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return mnist.subset(idx, "mnist-" + n);
    }
}
