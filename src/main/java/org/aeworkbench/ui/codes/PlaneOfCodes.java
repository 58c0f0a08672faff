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

    /** Axis names for {@link #of}. */
    public static String[] axes(int width) {
        return width == 2 ? new String[] {"z1", "z2"} : width == 1 ? new String[] {"z1", ""}
                : new String[] {"PC 1 of the codes", "PC 2 of the codes"};
    }
}
