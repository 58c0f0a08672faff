package org.aeworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconstructionGridTest {

    @TempDir
    Path dir;

    private static final Shape TWO_BY_THREE = Shape.image(2, 3, 1);

    @Test
    void tilesShowEachSampleOnTheInputsRange() throws Exception {
        // Two grey 2 x 3 samples; the inputs span [0, 2], so 1 is mid-grey and 3 saturates to white.
        float[] inputs = {0, 1, 2, 2, 1, 0, /* second */ 0, 0, 0, 2, 2, 2};
        float[] autoencoder = {0, 1, 2, 2, 1, 0, 1, 1, 1, 1, 1, 1};
        float[] pca = {-1, 3, 2, 2, 1, 0, 0, 0, 0, 2, 2, 2};
        List<ReconstructionGrid.Row> rows = List.of(new ReconstructionGrid.Row("input", inputs),
                new ReconstructionGrid.Row("autoencoder", autoencoder), new ReconstructionGrid.Row("PCA", pca));
        int scale = 5;
        BufferedImage grid = ReconstructionGrid.render(TWO_BY_THREE, rows, scale);
        Path file = dir.resolve("grid.png");
        PngExport.write(grid, file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(grid.getWidth(), png.getWidth());
        int gap = ReconstructionGrid.GAP;
        int tileW = 3 * scale;
        int tileH = 2 * scale;
        assertEquals(gap + 3 * (tileH + gap), png.getHeight());
        assertTrue(png.getWidth() > gap + 2 * (tileW + gap) + 20, "room for the row labels");

        assertEquals(0, grey(png, rows.size(), 0, 0, 0, 0, scale));
        assertEquals(128, grey(png, rows.size(), 0, 0, 0, 1, scale));
        assertEquals(255, grey(png, rows.size(), 0, 0, 0, 2, scale));
        assertEquals(255, grey(png, rows.size(), 0, 1, 1, 0, scale));
        assertEquals(128, grey(png, rows.size(), 1, 1, 0, 0, scale));
        // Out-of-range reconstructions clamp instead of rescaling the row.
        assertEquals(0, grey(png, rows.size(), 2, 0, 0, 0, scale));
        assertEquals(255, grey(png, rows.size(), 2, 0, 0, 1, scale));
    }

    @Test
    void rgbSamplesKeepTheirColours() {
        // One 1 x 2 RGB sample per row: (red, white) on top, (blue-ish, black) below.
        float[] red = {1, 0, 0, 1, 1, 1};
        float[] blueish = {0, 0.5f, 1, 0, 0, 0};
        BufferedImage grid = ReconstructionGrid.render(Shape.image(1, 2, 3),
                List.of(new ReconstructionGrid.Row("input", red), new ReconstructionGrid.Row("PCA", blueish)), 4);
        int left = grid.getWidth() - (8 + ReconstructionGrid.GAP);
        assertEquals(0xFF0000, grid.getRGB(left + 1, ReconstructionGrid.GAP + 1) & 0xFFFFFF);
        assertEquals(0x0080FF, grid.getRGB(left + 1, ReconstructionGrid.GAP + 4 + ReconstructionGrid.GAP + 1) & 0xFFFFFF);
    }

    @Test
    void vectorsAndRaggedRowsAreRefused() {
        IllegalArgumentException vector = assertThrows(IllegalArgumentException.class, () -> ReconstructionGrid.render(
                Shape.vector(4), List.of(new ReconstructionGrid.Row("input", new float[4])), 2));
        assertTrue(vector.getMessage().contains("image-shaped"), vector.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class, () -> ReconstructionGrid.render(
                TWO_BY_THREE, List.of(new ReconstructionGrid.Row("input", new float[12]),
                        new ReconstructionGrid.Row("PCA", new float[6])), 2));
        assertTrue(ragged.getMessage().contains("'PCA'"), ragged.getMessage());
    }

    /** Grey level of sample pixel (y, x) of column c in row r, read from the tile's centre pixel. */
    private static int grey(BufferedImage png, int rows, int r, int c, int y, int x, int scale) {
        int columns = 2;
        int tileW = 3 * scale;
        int tileH = 2 * scale;
        int left = png.getWidth() - (columns - c) * (tileW + ReconstructionGrid.GAP);
        int top = ReconstructionGrid.GAP + r * (tileH + ReconstructionGrid.GAP);
        int rgb = png.getRGB(left + x * scale + scale / 2, top + y * scale + scale / 2) & 0xFFFFFF;
        int g = rgb & 0xFF;
        assertEquals(g * 0x010101, rgb, "a grey pixel");
        return g;
    }
}
