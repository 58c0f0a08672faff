package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The grid finds the point a search over every point finds: the nearest within the radius, the lower index on ties. */
class PointGridTest {

    @Test
    void nearestEqualsTheExhaustiveSearch() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 5000;
        int w = 300;
        int h = 200;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            // Clustered, some outside the area, some on top of each other.
            x[i] = i % 50 == 0 ? x[Math.max(0, i - 1)] : (float) (r.nextGaussian() * 60 + 150);
            y[i] = i % 50 == 0 ? y[Math.max(0, i - 1)] : (float) (r.nextGaussian() * 40 + 100);
        }
        PointGrid grid = new PointGrid(8);
        grid.build(x, y, n, w, h);
        for (int q = 0; q < 3000; q++) {
            double px = r.nextDouble() * w;
            double py = r.nextDouble() * h;
            assertEquals(exhaustive(x, y, n, w, h, px, py, 8), grid.nearest(px, py, 8), "query " + px + ", " + py);
        }
    }

    private static int exhaustive(float[] x, float[] y, int n, int w, int h, double px, double py, double radius) {
        double best = radius * radius;
        int found = -1;
        for (int i = 0; i < n; i++) {
            if (!(x[i] >= 0 && x[i] < w && y[i] >= 0 && y[i] < h)) {
                continue;
            }
            double d = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
            if (d < best) {
                best = d;
                found = i;
            }
        }
        return found;
    }
}
