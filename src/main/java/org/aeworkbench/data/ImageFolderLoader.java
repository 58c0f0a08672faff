package org.aeworkbench.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Reads a folder of images (PNG, JPEG, GIF, BMP through javax.imageio): one sub-folder per class,
 * named after it, or images directly in the folder for an unlabelled set. Each image becomes
 * grayscale in [0, 1] (ITU-R BT.601 luma, transparent pixels shown on white as a viewer does) and
 * is resized to {@code height x width} by area averaging, so the set keeps an HxWx1 image shape.
 * Files are read in sorted name order, so the same folder always gives the same data set.
 */
public final class ImageFolderLoader {

    public static final int DEFAULT_SIZE = 28;

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
            float[] gray = resize(luma(readImage(files.get(i))), height, width);
            System.arraycopy(gray, 0, values, i * pixels, pixels);
            progress.accept((i + 1.0) / files.size());
        }
        int[] labelArray = classNames.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(folder.getFileName().toString(), Shape.image(height, width, 1), values, labelArray,
                classNames, folder.toString());
    }

    private static BufferedImage readImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DataException(file + ": is not an image this program can read; convert it to PNG"
                        + " or remove it from the folder");
            }
            return image;
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the image (" + e.getMessage() + "); the file may be"
                    + " damaged, remove or replace it", e);
        }
    }

    /** Gray level in [0, 1] of each pixel, row-major: Y = 0.299 R + 0.587 G + 0.114 B (BT.601). */
    static Gray luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] g = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float a = (argb >>> 24) / 255f;
                float luma = (0.299f * ((argb >> 16) & 0xff) + 0.587f * ((argb >> 8) & 0xff)
                        + 0.114f * (argb & 0xff)) / 255f;
                g[y * w + x] = a * luma + (1 - a); // composite on white
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
