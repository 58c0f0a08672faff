package org.aeworkbench.analysis;

import java.util.Locale;

/**
 * A two-dimensional picture of codes of any width: the codes themselves when they are 2-D, a PCA
 * of the codes to 2-D when wider (the axes keep the most variance a linear view can show), or any
 * two chosen code dimensions (which show what single units encode).
 *
 * @param points n points, 2 wide, row-major
 * @param n      number of points
 * @param xLabel axis title for the first coordinate, e.g. "z1" or "PC 1 of the codes (41.3 %)"
 * @param yLabel axis title for the second coordinate
 */
public record CodeView(float[] points, int n, String xLabel, String yLabel) {

    public CodeView {
        points = points.clone();
    }

    @Override
    public float[] points() {
        return points.clone();
    }

    /** The natural view: the codes as they are when 2-D (1-D codes on a line), their 2-D PCA when wider. */
    public static CodeView of(float[] codes, int n, int width) {
        if (width == 1) {
            Matrices.checkRows(codes, n, width, "codes");
            float[] points = new float[2 * n];
            for (int i = 0; i < n; i++) {
                points[2 * i] = codes[i];
            }
            return new CodeView(points, n, "z1", "(1-D code)");
        }
        return width == 2 ? dimensions(codes, n, width, 0, 1) : principalPlane(codes, n, width);
    }

    /** Codes projected on their own first two principal components. */
    public static CodeView principalPlane(float[] codes, int n, int width) {
        if (width < 2 || n < 2) {
            throw new IllegalArgumentException("a principal-plane view needs codes at least 2 wide and 2 points, got "
                    + n + " codes of width " + width);
        }
        Pca pca = Pca.fit(codes, n, width, 2);
        double[] ratio = pca.explainedVarianceRatio();
        return new CodeView(pca.transform(codes, n), n, axis(1, ratio[0]), axis(2, ratio[1]));
    }

    /** Code dimensions x and y (0-based), labelled z{x+1} and z{y+1}. */
    public static CodeView dimensions(float[] codes, int n, int width, int x, int y) {
        Matrices.checkRows(codes, n, width, "codes");
        if (x < 0 || x >= width || y < 0 || y >= width) {
            throw new IllegalArgumentException("code dimensions must be between 1 and " + width
                    + ", got z" + (x + 1) + " and z" + (y + 1));
        }
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) {
            points[2 * i] = codes[i * width + x];
            points[2 * i + 1] = codes[i * width + y];
        }
        return new CodeView(points, n, "z" + (x + 1), "z" + (y + 1));
    }

    private static String axis(int component, double ratio) {
        return String.format(Locale.ROOT, "PC %d of the codes (%.1f %%)", component, 100 * ratio);
    }
}
