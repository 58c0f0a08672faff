package org.aeworkbench.ui.codes;

import org.aeworkbench.analysis.Pca;

/**
 * Codes drawn on a plane: 2-D codes as they are, wider codes by their first two principal
 * components (PCA of the codes themselves), one-unit codes against zero.
 */
public final class PlaneOfCodes {

    private PlaneOfCodes() {
    }

    /** n x 2 coordinates of n codes of {@code width}. */
    public static float[] of(float[] codes, int n, int width) {
        if (width == 2) {
            return codes.clone();
        }
        float[] xy = new float[2 * n];
        if (width == 1 || n < 3) {
            for (int i = 0; i < n; i++) {
                xy[2 * i] = codes[i * width];
            }
            return xy;
        }
        return Pca.fit(codes, n, width, 2).transform(codes, n);
    }

    /**
     * The projection {@link #of} would use for these codes, kept so that later codes (the same samples
     * after more training) are drawn in the same frame and their movement can be seen.
     */
    public static java.util.function.UnaryOperator<float[]> frame(float[] codes, int n, int width) {
        if (width <= 2 || n < 3) {
            return c -> of(c, c.length / width, width);
        }
        Pca pca = Pca.fit(codes, n, width, 2);
        return c -> pca.transform(c, c.length / width);
    }

    /** Axis names for {@link #of}. */
    public static String[] axes(int width) {
        return width == 2 ? new String[] {"z1", "z2"} : width == 1 ? new String[] {"z1", ""}
                : new String[] {"PC 1 of the codes", "PC 2 of the codes"};
    }
}
