package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeViewTest {

    private static final float[] CODES_3D = {1, 2, 3, 4, 5, 6};

    @Test
    void twoDimensionalCodesAreShownAsTheyAre() {
        float[] codes = {1, 2, 3, 4};
        CodeView view = CodeView.of(codes, 2, 2);
        assertArrayEquals(codes, view.points());
        assertEquals("z1", view.xLabel());
        assertEquals("z2", view.yLabel());
    }

    @Test
    void anyTwoDimensionsCanBeChosen() {
        CodeView view = CodeView.dimensions(CODES_3D, 2, 3, 2, 0);
        assertArrayEquals(new float[] {3, 1, 6, 4}, view.points());
        assertEquals("z3", view.xLabel());
        assertEquals("z1", view.yLabel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodeView.dimensions(CODES_3D, 2, 3, 0, 3));
        assertTrue(e.getMessage().contains("between 1 and 3"), e.getMessage());
    }

    @Test
    void wideCodesAreShownOnTheirPrincipalPlane() {
        // Codes lying on a plane inside 5-D: the principal-plane view keeps every distance.
        int n = 60, width = 5;
        float[] codes = new float[n * width];
        float[] plane = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double u = Math.cos(i * 0.7) * 3, v = Math.sin(i * 1.3);
            plane[2 * i] = (float) u;
            plane[2 * i + 1] = (float) v;
            for (int j = 0; j < width; j++) {
                codes[i * width + j] = (float) (u * (j - 2) * 0.4 + v * (j % 2 == 0 ? 0.5 : -0.5) + j);
            }
        }
        CodeView view = CodeView.of(codes, n, width);
        float[] p = view.points();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double inCode = 0;
                for (int j = 0; j < width; j++) {
                    double diff = codes[a * width + j] - codes[b * width + j];
                    inCode += diff * diff;
                }
                double dx = p[2 * a] - p[2 * b], dy = p[2 * a + 1] - p[2 * b + 1];
                assertEquals(Math.sqrt(inCode), Math.hypot(dx, dy), 1e-4, "distance " + a + "-" + b);
            }
        }
        assertTrue(view.xLabel().startsWith("PC 1 of the codes ("), view.xLabel());
        assertTrue(view.yLabel().startsWith("PC 2"), view.yLabel());
    }

    @Test
    void oneDimensionalCodesLieOnALine() {
        CodeView view = CodeView.of(new float[] {4, -2}, 2, 1);
        assertArrayEquals(new float[] {4, 0, -2, 0}, view.points());
    }
}
