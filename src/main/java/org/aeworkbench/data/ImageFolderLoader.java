package org.aeworkbench.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Reads a folder of images (PNG, JPEG, GIF, BMP through javax.imageio): one sub-folder per class,
 * named after it, or images directly in the folder for an unlabelled set. Each image becomes gray
 * levels on the byte scale 0..255 (ITU-R BT.601 luma, transparent pixels shown on white as a viewer
 * does) and is resized to {@code height x width} by area averaging, so the set keeps an HxWx1 image
 * shape. The set is marked as bytes, so the preparation rule divides it by 255 like any other byte
 * data ({@link ScalingRule}). Files are read in sorted name order, so the same folder always gives
 * the same data set.
 */
public final class ImageFolderLoader {

    public static final int DEFAULT_SIZE = 28;
    /** Deflate's 1032:1 limit times 8 one-bit pixels a byte; no PNG, JPEG or GIF packs more. */
    static final long MAX_PIXELS_PER_BYTE = 1032 * 8;
    /**
     * GIF's LZW code of w bits stands for at most 2^w pixels (one dictionary string) and w is at
     * most 12 (GIF89a, Appendix F): 4096 pixels per 12 bits, whatever the code width, at most
     * 2,731 pixels a byte. The JDK's decoder fills a frame the data does not cover, so a 1.8 kB
     * GIF whose frame claims 65508 x 227 pixels cost 14.9 megapixels of decoding.
     */
    static final long MAX_GIF_PIXELS_PER_BYTE = 4096 * 8 / 12 + 1;

    private ImageFolderLoader() {
    }

    public static Dataset load(Path folder, int height, int width) {
        return load(folder, height, width, fraction -> { });
    }

    /** As {@link #load(Path, int, int)}, telling {@code progress} the fraction of images read. */
    public static Dataset load(Path folder, int height, int width, DoubleConsumer progress) {
        if (height < 1 || width < 1 || height > 1024 || width > 1024) {
            throw new DataException(folder + ": image size " + height + "x" + width + " is outside 1..1024");
        }
        List<Path> classFolders = list(folder).stream().filter(Files::isDirectory).toList();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        if (classFolders.isEmpty()) {
            files.addAll(images(folder));
        } else {
            for (Path classFolder : classFolders) {
                List<Path> inClass = images(classFolder);
                if (inClass.isEmpty()) {
                    continue; // an empty class folder adds no class rather than a class with no samples
                }
                for (Path f : inClass) {
                    files.add(f);
                    labels.add(classNames.size());
                }
                classNames.add(classFolder.getFileName().toString());
            }
        }
        if (files.isEmpty()) {
            throw new DataException(folder + ": holds no PNG or JPEG images (looked in the folder"
                    + (classFolders.isEmpty() ? "" : " and its sub-folders") + "); put the images in one"
                    + " sub-folder per class");
        }
        int pixels = height * width;
        MemoryBudget.checkFloats((long) files.size() * pixels, folder.toString());
        float[] values = new float[files.size() * pixels];
        for (int i = 0; i < files.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw DataFiles.cancelled(folder.toString());
            }
            float[] gray = resize(readGray(files.get(i)), height, width);
            System.arraycopy(gray, 0, values, i * pixels, pixels);
            progress.accept((i + 1.0) / files.size());
        }
        int[] labelArray = classNames.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(folder.getFileName().toString(), Shape.image(height, width, 1), values, labelArray,
                classNames, folder.toString(), true);
    }

    /**
     * Decodes one image to gray levels. The header's size is checked before the decoder allocates
     * the picture: deflate expands at most 1032:1 and a pixel takes at least one bit, so a file
     * cannot honestly hold more than {@link #MAX_PIXELS_PER_BYTE} pixels per byte; a header
     * claiming more is damaged (or hostile) and is refused rather than obeyed.
     */
    private static Gray readGray(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException(file + ": is not an image this program can read; convert it to PNG"
                        + " or remove it from the folder");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(file, reader.getWidth(0), reader.getHeight(0), Files.size(file),
                        "gif".equalsIgnoreCase(reader.getFormatName()) ? MAX_GIF_PIXELS_PER_BYTE : MAX_PIXELS_PER_BYTE);
                return luma(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            // The JDK's decoders throw unchecked exceptions on some damaged files, too.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new DataException(file + ": cannot read the image (" + why + "); the file may be damaged,"
                    + " remove or replace it", e);
        }
    }

    private static void checkSize(Path file, int width, int height, long fileBytes, long pixelsPerByte) {
        long pixels = (long) width * height;
        if (width < 1 || height < 1 || pixels > pixelsPerByte * fileBytes) {
            throw new DataException(file + ": the header claims " + width + "x" + height + " pixels, more than"
                    + " a file of " + fileBytes + " bytes can hold; the file is damaged, remove or replace it");
        }
        // The decoded picture (up to 8 bytes a pixel for 16-bit RGBA) and its gray copy (a float a pixel).
        MemoryBudget.checkFloats(3 * pixels, file.toString());
    }

    /** Gray level 0..255 of each pixel, row-major: Y = 0.299 R + 0.587 G + 0.114 B (BT.601). */
    static Gray luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] g = new float[w * h];
        // A row at a time: getRGB(x, y) allocates per pixel for indexed and 16-bit images.
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                float a = (argb >>> 24) / 255f;
                float luma = 0.299f * ((argb >> 16) & 0xff) + 0.587f * ((argb >> 8) & 0xff)
                        + 0.114f * (argb & 0xff);
                g[y * w + x] = a * luma + (1 - a) * 255f; // composite on white
            }
        }
        return new Gray(h, w, g);
    }

    /** A grayscale picture, row-major. */
    record Gray(int height, int width, float[] values) {
    }

    /**
     * Area-averaging resize: each target pixel is the mean of the source area it covers, weighted
     * by overlap, so downscaling does not alias and a same-size resize is the identity.
     */
    static float[] resize(Gray src, int height, int width) {
        float[] out = new float[height * width];
        double sy = (double) src.height() / height;
        double sx = (double) src.width() / width;
        for (int ty = 0; ty < height; ty++) {
            double y0 = ty * sy;
            double y1 = y0 + sy;
            for (int tx = 0; tx < width; tx++) {
                double x0 = tx * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int y = (int) y0; y < Math.min(src.height(), Math.ceil(y1)); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) x0; x < Math.min(src.width(), Math.ceil(x1)); x++) {
                        double wgt = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
                        sum += wgt * src.values()[y * src.width() + x];
                        area += wgt;
                    }
                }
                out[ty * width + tx] = (float) (sum / area);
            }
        }
        return out;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DataException(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> images(Path folder) {
        return list(folder).stream().filter(Files::isRegularFile).filter(ImageFolderLoader::isImageName).toList();
    }

    static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif")
                || n.endsWith(".bmp");
    }
}
