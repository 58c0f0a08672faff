package org.aeworkbench.ui.plot;

/**
 * The points of a scatter as pixels: discs splatted into a w x h buffer of premultiplied ARGB,
 * blended over each other (source over), with the pixel position of every point and the grid
 * that finds the point under the pointer. Plain arrays only, so it can be drawn on any thread
 * from a copy of what the scatter shows; the scatter puts the pixels on screen.
 */
final class PointRaster {

    /** Row offsets and column spans of a disc of diameter 5 without its corners (21 pixels). */
    private static final int[][] DISC = {{-2, -1, 1}, {-1, -2, 2}, {0, -2, 2}, {1, -2, 2}, {2, -1, 1}};

    final int width;
    final int height;
    final int[] pixels;
    final float[] sx;
    final float[] sy;
    final PointGrid grid;

    private PointRaster(int width, int height, int[] pixels, float[] sx, float[] sy, PointGrid grid) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.sx = sx;
        this.sy = sy;
        this.grid = grid;
    }

    /**
     * What to draw and where: the data area's size in pixels and its axis ranges as an origin
     * ({@code xlo}, {@code ylo}) and pixels per unit ({@code xs}, {@code ys}).
     *
     * @param xy        n x 2 points, row-major
     * @param labels    class per point (its colour in {@code classArgb}), or null for the first colour
     * @param backdrop  m x 2 points drawn first, in {@code backdropArgb}
     * @param pickCell  the hover grid's cell size in pixels
     */
    record Job(float[] xy, int n, int[] labels, int[] classArgb, float[] backdrop, int backdropCount, int backdropArgb,
               int width, int height, double xlo, double xs, double ylo, double ys, double pickCell) {

        PointRaster draw() {
            int[] pixels = new int[width * height];
            float[] px = new float[n];
            float[] py = new float[n];
            for (int i = 0; i < backdropCount; i++) {
                splat(pixels, (float) ((backdrop[2 * i] - xlo) * xs), (float) (height - (backdrop[2 * i + 1] - ylo) * ys),
                        backdropArgb, width, height);
            }
            for (int i = 0; i < n; i++) {
                px[i] = (float) ((xy[2 * i] - xlo) * xs);
                py[i] = (float) (height - (xy[2 * i + 1] - ylo) * ys);
                int c = labels == null || labels[i] < 0 || labels[i] >= classArgb.length ? 0 : labels[i];
                splat(pixels, px[i], py[i], classArgb[c], width, height);
            }
            PointGrid grid = new PointGrid(pickCell);
            grid.build(px, py, n, width, height);
            return new PointRaster(width, height, pixels, px, py, grid);
        }
    }

    /** Blends one disc of premultiplied colour {@code argb} centred at (x, y) over the buffer. */
    private static void splat(int[] pixels, float x, float y, int argb, int w, int h) {
        if (!(x > -3 && x < w + 3 && y > -3 && y < h + 3)) {
            return; // off the area, or not a number: nothing of the disc shows
        }
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        int a = argb >>> 24;
        int keep = 255 - a;
        for (int[] row : DISC) {
            int py = cy + row[0];
            if (py < 0 || py >= h) {
                continue;
            }
            int base = py * w;
            for (int px = Math.max(0, cx + row[1]), end = Math.min(w - 1, cx + row[2]); px <= end; px++) {
                int d = pixels[base + px];
                if (d == 0) {
                    pixels[base + px] = argb;
                    continue;
                }
                int ra = a + ((d >>> 24) * keep + 127) / 255;
                int rr = ((argb >>> 16) & 0xff) + (((d >>> 16) & 0xff) * keep + 127) / 255;
                int rg = ((argb >>> 8) & 0xff) + (((d >>> 8) & 0xff) * keep + 127) / 255;
                int rb = (argb & 0xff) + ((d & 0xff) * keep + 127) / 255;
                pixels[base + px] = ra << 24 | rr << 16 | rg << 8 | rb;
            }
        }
    }
}
