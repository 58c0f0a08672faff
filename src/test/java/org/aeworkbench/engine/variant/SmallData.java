package org.aeworkbench.engine.variant;

import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;

/** A few hundred bundled MNIST digits (values in [0, 1]), loaded once for the short training runs. */
final class SmallData {

    private static Dataset mnist;

    private SmallData() {
    }

    static synchronized Dataset mnist() {
        if (mnist == null) {
            mnist = DataSources.load("mnist");
        }
        return mnist;
    }

    /** Samples [from, from + n) of the bundled MNIST, row-major. */
    static float[] mnist(int from, int n) {
        Dataset d = mnist();
        float[] x = new float[n * d.features()];
        System.arraycopy(d.values(), from * d.features(), x, 0, x.length);
        return x;
    }
}
