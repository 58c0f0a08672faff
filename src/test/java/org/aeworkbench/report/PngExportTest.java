package org.aeworkbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngExportTest {

    @TempDir
    Path dir;

    private static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("out/nested/picture.png");
        PngExport.write(filled(7, 5, 0x123456), file);
        PngExport.write(filled(9, 4, 0xABCDEF), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(9, back.getWidth());
        assertEquals(4, back.getHeight());
        assertEquals(0xABCDEF, back.getRGB(3, 2) & 0xFFFFFF);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertArrayEquals(new Object[] {file}, files.toArray());
        }
    }

    @Test
    void aFailedWriteNamesTheFileAndKeepsWhatWasThere() throws Exception {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "keep me");
        Path impossible = blocker.resolve("chart.png");
        IOException e = assertThrows(IOException.class, () -> PngExport.write(filled(2, 2, 0), impossible));
        assertTrue(e.getMessage().contains(impossible.toString()), e.getMessage());
        assertEquals("keep me", Files.readString(blocker));
    }
}
