package org.aeworkbench.engine.conv;

import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.tensor.Shape;

/**
 * One window configuration with its expected output size and leading padding, worked out by hand
 * from TensorFlow's rules (same: out = ceil(n / s), total padding max((out - 1) s + k - n, 0), the
 * smaller half first) so the tests do not reuse the code they check.
 */
record ConvCase(int h, int w, int c, int f, int k, int s, Padding padding, int outH, int outW, int padTop,
                int padLeft) {

    Shape input() {
        return new Shape(h, w, c);
    }

    @Override
    public String toString() {
        return h + "x" + w + "x" + c + " -> " + f + " filters, k" + k + " s" + s + " " + padding;
    }

    static float[] uniform(int n, SplittableRandom random, double lo, double hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lo + random.nextDouble() * (hi - lo));
        }
        return x;
    }

    static void randomize(Parameter p, SplittableRandom random, double scale) {
        float[] v = p.value();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
    }
}
