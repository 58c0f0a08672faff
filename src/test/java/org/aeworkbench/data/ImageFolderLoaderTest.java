package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {

    @TempDir
    Path dir;

    /** Writes a width x height RGB image whose pixel (x, y) has the given 0xRRGGBB colour. */
    private static void png(Path file, int width, int height, int... rgb) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rgb.length; i++) {
            img.setRGB(i % width, i / width, rgb[i]);
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void subFoldersBecomeClassesAndPixelsBecomeLuma() throws IOException {
        // Pure red has luma 0.299, pure green 0.587, blue 0.114, white 1 (BT.601), on the byte scale.
        png(dir.resolve("cats/a.png"), 2, 2, 0xff0000, 0x00ff00, 0x0000ff, 0xffffff);
        png(dir.resolve("dogs/b.png"), 2, 2, 0, 0, 0, 0);
        png(dir.resolve("dogs/c.png"), 2, 2, 0xffffff, 0xffffff, 0xffffff, 0xffffff);
        Files.writeString(dir.resolve("dogs/notes.txt"), "not an image, skipped");
        Dataset d = ImageFolderLoader.load(dir, 2, 2);
        assertEquals(3, d.samples());
        assertEquals(Shape.image(2, 2, 1), d.sampleShape());
        assertEquals(List.of("cats", "dogs"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        assertArrayEquals(new float[] {0.299f * 255, 0.587f * 255, 0.114f * 255, 255f}, d.sample(0), 1e-4f);
        assertArrayEquals(new float[] {255, 255, 255, 255}, d.sample(2), 1e-4f);
        assertTrue(d.unsignedBytes(), "gray levels of images are bytes, divided by 255 under --scale auto");
    }

    @Test
    void resizingAveragesTheCoveredArea() throws IOException {
        // A 4x4 image whose left half is white, right half black, shrunk to 2x2 and to 1x1.
        int w = 0xffffff;
        png(dir.resolve("x.png"), 4, 4, w, w, 0, 0, w, w, 0, 0, w, w, 0, 0, w, w, 0, 0);
        assertArrayEquals(new float[] {255, 0, 255, 0}, ImageFolderLoader.load(dir, 2, 2).values(), 1e-4f);
        assertArrayEquals(new float[] {127.5f}, ImageFolderLoader.load(dir, 1, 1).values(), 1e-4f);
        // 4 -> 3 columns: the middle target column covers source x in [4/3, 8/3), that is 2/3 of
        // white column 1 and 2/3 of black column 2, so 0.5; the outer ones stay pure.
        float[] three = ImageFolderLoader.load(dir, 1, 3).values();
        assertEquals(255f, three[0], 1e-4f);
        assertEquals(127.5f, three[1], 1e-4f);
        assertEquals(0f, three[2], 1e-4f);
    }

    @Test
    void imagesWithoutSubFoldersAreUnlabelled() throws IOException {
        png(dir.resolve("one.png"), 3, 3, new int[9]);
        Dataset d = DataSources.load(dir.toString(), LoadOptions.defaults().withImageSize(5, 4));
        assertFalse(d.hasLabels());
        assertEquals(Shape.image(5, 4, 1), d.sampleShape());
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        png(dir.resolve("ok/a.png"), 2, 2, new int[4]);
        Path broken = dir.resolve("ok/broken.png");
        Files.writeString(broken, "this is not a PNG");
        DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.load(dir, 2, 2));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
    }

    @Test
    void folderWithoutImagesIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("empty/sub"));
        DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.load(dir.resolve("empty"), 8, 8));
        assertTrue(e.getMessage().contains("no PNG or JPEG"), e.getMessage());
    }

    @Test
    void headerClaimingMorePixelsThanTheFileHoldsIsRefusedBeforeDecoding() throws IOException {
        // Found by ImageFuzzTest (ImageFuzzTestInputs/image/ihdr-claims-28x11862044.png): a 276-byte
        // PNG whose header claims 28 x 11,862,044 pixels made the decoder allocate 332 MB.
        Path file = dir.resolve("digits/huge.png");
        png(file, 28, 28, new int[28 * 28]);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(20, 0x00B5001C); // IHDR height, bytes 20..23
        Files.write(file, bytes);
        long before = TestFiles.allocatedBytes();
        DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.load(dir, 28, 28));
        assertTrue(TestFiles.allocatedBytes() - before < 16 << 20, "refused before decoding");
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("28x11862044")
                && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aGifFrameLargerThanLzwCanFillIsRefusedBeforeDecoding() throws IOException {
        // Found by ImageFuzzTest's 10-minute campaign (ImageFuzzTestInputs/image/gif-frame-65508x227-beyond-lzw.gif,
        // a timeout): a 1.8 kB GIF whose frame claims 65508 x 227 pixels, 8,000 a byte, within deflate's
        // bound but beyond LZW's 2,731; the JDK's decoder fills what the data does not cover.
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_INDEXED);
        Path file = dir.resolve("gif/wide.gif");
        Files.createDirectories(file.getParent());
        ImageIO.write(small, "gif", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        int descriptor = indexOf(bytes, new byte[] {0x2C, 0, 0, 0, 0, 28, 0, 28, 0});
        assertTrue(descriptor > 0, "the image descriptor of a 28x28 frame");
        // 5,000 pixels a byte: more than LZW can give, less than the 8,256 of deflate's bound.
        int height = (int) (5000L * bytes.length / 65508);
        ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(descriptor + 5, (short) 65508)
                .putShort(descriptor + 7, (short) height);
        Files.write(file, bytes);
        long before = TestFiles.allocatedBytes();
        DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.load(dir, 28, 28));
        assertTrue(TestFiles.allocatedBytes() - before < 4 << 20, "refused before decoding");
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("65508x" + height)
                && e.getMessage().contains("damaged"), e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anIndexedImageIsConvertedWithoutGarbagePerPixel() throws IOException {
        // Found by ImageFuzzTest (ImageFuzzTestInputs/image/gif-65508x227-per-pixel-garbage.gif):
        // getRGB(x, y) on a palette image allocates for every pixel, 431 MB for a 1.8 kB GIF.
        BufferedImage palette = new BufferedImage(2000, 500, BufferedImage.TYPE_BYTE_INDEXED);
        Files.createDirectories(dir.resolve("gif"));
        ImageIO.write(palette, "gif", dir.resolve("gif/wide.gif").toFile());
        ImageFolderLoader.load(dir, 28, 28); // classes loaded, so the measurement is the decode alone
        long before = TestFiles.allocatedBytes();
        ImageFolderLoader.load(dir, 28, 28);
        long pixels = 2000 * 500;
        // One byte a pixel decoded, a float a pixel of gray, plus small change.
        assertTrue(TestFiles.allocatedBytes() - before < 5 * pixels + (4 << 20),
                (TestFiles.allocatedBytes() - before) + " bytes for " + pixels + " pixels");
    }
}
