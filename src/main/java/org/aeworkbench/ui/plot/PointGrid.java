package org.aeworkbench.ui.plot;

/**
 * Points bucketed by a square grid over the plot, so the point under the pointer is found by
 * looking at the cells around it instead of at every point: with cells as wide as the pick
 * radius, the nearest point within the radius lies in the 3 x 3 cells around the pointer's cell.
 * Built by a counting sort, O(n), after each redraw.
 */
final class PointGrid {

    private final double cell;
    private int columns;
    private int rows;
    private int[] start = new int[0];
    private int[] items = new int[0];
    private float[] sx = new float[0];
    private float[] sy = new float[0];

    PointGrid(double cell) {
        this.cell = cell;
    }

    /**
     * Rebuilds the grid for {@code n} points at pixel positions (sx[i], sy[i]) inside a w x h area;
     * points outside it are left out.
     */
    void build(float[] px, float[] py, int n, int w, int h) {
        columns = Math.max(1, (int) Math.ceil(w / cell));
        rows = Math.max(1, (int) Math.ceil(h / cell));
        int cells = columns * rows;
        if (start.length < cells + 1) {
            start = new int[cells + 1];
        } else {
            java.util.Arrays.fill(start, 0, cells + 1, 0);
        }
        if (items.length < n) {
            items = new int[n];
        }
        sx = px;
        sy = py;
        for (int i = 0; i < n; i++) {
            int c = cellOf(px[i], py[i], w, h);
            if (c >= 0) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = java.util.Arrays.copyOf(start, cells);
        for (int i = 0; i < n; i++) {
            int c = cellOf(px[i], py[i], w, h);
            if (c >= 0) {
                items[fill[c]++] = i;
            }
        }
    }

    private int cellOf(float x, float y, int w, int h) {
        if (!(x >= 0 && x < w && y >= 0 && y < h)) {
            return -1;
        }
        return (int) (y / cell) * columns + (int) (x / cell);
    }

    /** The point nearest to (x, y) within {@code radius} (at most the cell size), or -1; the lower index on ties. */
    int nearest(double x, double y, double radius) {
        int cx = (int) Math.floor(x / cell);
        int cy = (int) Math.floor(y / cell);
        double best = radius * radius;
        int found = -1;
        for (int r = Math.max(0, cy - 1); r <= Math.min(rows - 1, cy + 1); r++) {
            for (int c = Math.max(0, cx - 1); c <= Math.min(columns - 1, cx + 1); c++) {
                int cellIndex = r * columns + c;
                for (int k = start[cellIndex]; k < start[cellIndex + 1]; k++) {
                    int i = items[k];
                    double dx = sx[i] - x;
                    double dy = sy[i] - y;
                    double d = dx * dx + dy * dy;
                    if (d < best || (d == best && found >= 0 && i < found)) {
                        best = d;
                        found = i;
                    }
                }
            }
        }
        return found;
    }
}
