package org.aeworkbench.data;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aeworkbench.engine.tensor.Shape;

/**
 * 28x28 images of smooth random curves, after the "curves" set of Hinton and Salakhutdinov,
 * "Reducing the Dimensionality of Data with Neural Networks", Science 313 (2006): each image is
 * the curve through three random points, so the images lie on a 6-dimensional manifold inside
 * 784 dimensions, which a deep autoencoder can find and PCA cannot. The curve is the quadratic
 * through the points at t = 0, 1/2, 1 (Lagrange form); pixels take intensity
 * clamp(1.5 - d, 0, 1) where d is their distance in pixels to the curve, an anti-aliased stroke
 * about two pixels wide. Values are in [0, 1], unlabelled.
 */
final class CurvesGenerator {

    static final Set<String> PARAMETERS = Set.of("n", "seed");
    static final int SIDE = 28;
    static final int DEFAULT_SAMPLES = 10_000;
    private static final int SEGMENTS = 48;
    private static final double HALF_WIDTH = 1.5;
    private static final double MARGIN = 4;

    private CurvesGenerator() {
    }

    static DatasetInfo info() {
        return new DatasetInfo("curves", DEFAULT_SAMPLES, Shape.image(SIDE, SIDE, 1), 0,
                "28x28 images of smooth curves through 3 random points: a 6-D manifold PCA cannot unroll",
                "generated (after Hinton and Salakhutdinov 2006)", "n=" + DEFAULT_SAMPLES + ",seed=1");
    }

    static Dataset generate(GeneratorParameters p) {
        int n = p.intValue("n", DEFAULT_SAMPLES, 1, 200_000);
        long seed = p.longValue("seed", 1);
        SplittableRandom random = new SplittableRandom(seed);
        int pixels = SIDE * SIDE;
        float[] values = new float[n * pixels];
        double[] xs = new double[SEGMENTS + 1];
        double[] ys = new double[SEGMENTS + 1];
        for (int i = 0; i < n; i++) {
            double[] px = new double[3];
            double[] py = new double[3];
            for (int k = 0; k < 3; k++) {
                px[k] = MARGIN + random.nextDouble() * (SIDE - 1 - 2 * MARGIN);
                py[k] = MARGIN + random.nextDouble() * (SIDE - 1 - 2 * MARGIN);
            }
            for (int s = 0; s <= SEGMENTS; s++) {
                double t = (double) s / SEGMENTS;
                // Lagrange basis for nodes 0, 1/2, 1.
                double l0 = 2 * t * t - 3 * t + 1;
                double l1 = -4 * t * t + 4 * t;
                double l2 = 2 * t * t - t;
                xs[s] = l0 * px[0] + l1 * px[1] + l2 * px[2];
                ys[s] = l0 * py[0] + l1 * py[1] + l2 * py[2];
            }
            draw(xs, ys, values, i * pixels);
        }
        return new Dataset("curves", Shape.image(SIDE, SIDE, 1), values, null, List.of(),
                "generated: curves n=" + n + " seed=" + seed);
    }

    /** Draws each segment into the pixels near it, keeping the brightest value per pixel. */
    private static void draw(double[] xs, double[] ys, float[] out, int offset) {
        for (int s = 0; s < SEGMENTS; s++) {
            double ax = xs[s];
            double ay = ys[s];
            double bx = xs[s + 1];
            double by = ys[s + 1];
            int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - HALF_WIDTH));
            int x1 = Math.min(SIDE - 1, (int) Math.ceil(Math.max(ax, bx) + HALF_WIDTH));
            int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - HALF_WIDTH));
            int y1 = Math.min(SIDE - 1, (int) Math.ceil(Math.max(ay, by) + HALF_WIDTH));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double d = distanceToSegment(x, y, ax, ay, bx, by);
                    float v = (float) Math.max(0, Math.min(1, HALF_WIDTH - d));
                    int idx = offset + y * SIDE + x;
                    if (v > out[idx]) {
                        out[idx] = v;
                    }
                }
            }
        }
    }

    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
