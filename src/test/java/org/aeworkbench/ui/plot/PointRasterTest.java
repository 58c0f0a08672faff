package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PointRasterTest {

    private static final int RED = 190 << 24 | 190 << 16;          // premultiplied red at alpha 190
    private static final int BLUE = 128 << 24 | 128;                // premultiplied blue at alpha 128

    /** A 40 x 30 area over [0, 4] x [0, 3]: ten pixels per unit, y pointing up. */
    private static PointRaster draw(float[] xy, int[] labels) {
        return new PointRaster.Job(xy, xy.length / 2, labels, new int[] {RED, BLUE}, new float[0], 0, 0,
                40, 30, 0, 10, 0, 10, 8).draw();
    }

    @Test
    void aPointIsADiscOfTwentyOnePixelsAtItsPixelPosition() {
        PointRaster r = draw(new float[] {1.03f, 2.22f}, null); // pixel (10.3, 30 - 22.2 = 7.8)
        assertEquals(10.3f, r.sx[0], 1e-4);
        assertEquals(7.8f, r.sy[0], 1e-4);
        int[][] spans = {{-2, -1, 1}, {-1, -2, 2}, {0, -2, 2}, {1, -2, 2}, {2, -1, 1}}; // row, first, last column
        int set = 0;
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                boolean inDisc = false;
                for (int[] s : spans) {
                    inDisc |= y == 7 + s[0] && x >= 10 + s[1] && x <= 10 + s[2];
                }
                assertEquals(inDisc ? RED : 0, r.pixels[y * 40 + x], "pixel " + x + ", " + y);
                set += inDisc ? 1 : 0;
            }
        }
        assertEquals(21, set);
    }

    @Test
    void overlappingPointsBlendSourceOverInDrawingOrder() {
        PointRaster r = draw(new float[] {2, 1.5f, 2, 1.5f}, new int[] {0, 1}); // red, then blue on top
        int centre = r.pixels[15 * 40 + 20];
        // Source over with premultiplied colours: out = src + dst * (1 - alpha_src), per channel.
        double keep = 1 - 128 / 255.0;
        assertEquals(128 + Math.round(190 * keep), centre >>> 24);
        assertEquals(Math.round(190 * keep), (centre >>> 16) & 0xff);
        assertEquals(0, (centre >>> 8) & 0xff);
        assertEquals(128, centre & 0xff);
    }

    @Test
    void pointsOffTheAreaOrNotANumberDrawNothingAndAreNotFound() {
        PointRaster r = draw(new float[] {Float.NaN, 1, 9, 9, -5, 1}, new int[] {0, 0, 0});
        for (int p : r.pixels) {
            assertEquals(0, p);
        }
        assertEquals(-1, r.grid.nearest(0, 0, 8), "a NaN point is not at the corner");
    }

    @Test
    void theGridFindsTheDrawnPointAndAnUnknownLabelTakesTheFirstColour() {
        PointRaster r = draw(new float[] {1, 1, 3, 2}, new int[] {7, 1});
        assertEquals(0, r.grid.nearest(10.5, 20.5, 8));
        assertEquals(1, r.grid.nearest(29, 11, 8));
        assertEquals(RED, r.pixels[20 * 40 + 10], "label 7 has no colour of its own");
    }
}
