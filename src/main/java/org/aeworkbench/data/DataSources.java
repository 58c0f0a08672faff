package org.aeworkbench.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.aeworkbench.engine.core.InputFiles;
import org.aeworkbench.engine.core.Utf8Text;

/**
 * The one way in for data: a registry name ({@code mnist}, {@code curves:n=2000,seed=3}) or a
 * path to a CSV/TSV, IDX, NPY file or a folder of images. Registry names are looked up first,
 * then the path; the format is chosen by the file's first bytes (NPY and IDX magic numbers,
 * gzip), falling back on the extension, and text is read as CSV.
 */
public final class DataSources {

    /** What a file holds, as far as its first bytes and name tell. */
    enum Format { IDX, NPY, CSV, IMAGE_FOLDER }

    private DataSources() {
    }

    public static Dataset load(String nameOrPath) {
        return load(nameOrPath, LoadOptions.defaults());
    }

    public static Dataset load(String nameOrPath, LoadOptions options) {
        if (nameOrPath.isBlank()) {
            // Path.of("") is the working folder: an empty argument would be read as a folder of images.
            throw new DataException("the data is given as an empty name; give a bundled data set (see 'data list'),"
                    + " a file or a folder of images");
        }
        Dataset set;
        if (DatasetRegistry.contains(nameOrPath)) {
            set = DatasetRegistry.load(nameOrPath);
        } else {
            Path path = Path.of(nameOrPath);
            String notAFile = InputFiles.notAFileOrFolder(path);
            if (notAFile != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new DataException(nameOrPath + ": no such file or folder, and not a bundled data set"
                        + " (those are: " + String.join(", ", DatasetRegistry.list().stream()
                        .map(DatasetInfo::name).toList()) + ")");
            }
            if (notAFile != null) {
                // A device never ends (/dev/zero would fill the heap) and a pipe blocks: data is read from files.
                throw new DataException(nameOrPath + ": " + notAFile + "; give a data file (CSV/TSV, IDX, NPY) or a"
                        + " folder of images");
            }
            set = loadFile(path, options);
        }
        return options.labels() == null ? set : withLabels(set, options.labels());
    }

    static Dataset loadFile(Path path, LoadOptions options) {
        Format format = formatOf(path);
        if (format == Format.IMAGE_FOLDER) {
            return ImageFolderLoader.load(path, options.imageHeight(), options.imageWidth(), options.progress());
        }
        String name = path.getFileName().toString();
        return DataFiles.read(path, options.progress(), (in, where, size) -> switch (format) {
            case IDX -> ArrayDatasets.toDataset(IdxReader.read(in, where, size), name, where);
            case NPY -> ArrayDatasets.toDataset(NpyReader.read(in, where, size), name, where);
            default -> CsvLoader.read(in, where, name, where, isTsvName(name), options.csv());
        });
    }

    static boolean isTsvName(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?");
    }

    /** Attaches labels from a separate file: IDX or NPY with one dimension, or one label per line. */
    public static Dataset withLabels(Dataset set, Path labelsFile) {
        String notAFile = InputFiles.notAFile(labelsFile);
        if (notAFile != null) {
            throw new DataException(labelsFile + ": " + (notAFile.equals("no such file") ? "labels file not found; check"
                    + " the path" : notAFile + "; give a labels file (IDX, NPY or one label per line)"));
        }
        return switch (formatOf(labelsFile)) {
            case IDX -> ArrayDatasets.withLabels(set, IdxReader.read(labelsFile), labelsFile.toString());
            case NPY -> ArrayDatasets.withLabels(set, NpyReader.read(labelsFile), labelsFile.toString());
            default -> withTextLabels(set, labelsFile);
        };
    }

    private static Dataset withTextLabels(Dataset set, Path file) {
        List<String> lines;
        try {
            String text = Utf8Text.decode(Files.readAllBytes(file), why -> new DataException(file + ": " + why
                    + "; save the labels as UTF-8"));
            lines = new ArrayList<>(text.lines().toList());
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the labels (" + e.getMessage() + ")", e);
        }
        lines.replaceAll(String::trim);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                throw new DataException(file + ":" + (i + 1) + ": empty label; give one label per line");
            }
        }
        if (lines.size() != set.samples()) {
            throw new DataException(file + ": holds " + lines.size() + " labels but " + set.name() + " has "
                    + set.samples() + " samples; give one label per sample");
        }
        boolean numeric = lines.stream().allMatch(CsvTable::isNumber);
        Labels.Encoded labels = numeric
                ? Labels.fromNumbers(lines.stream().mapToDouble(Double::parseDouble).toArray())
                : Labels.fromText(lines);
        return set.withLabels(labels.labels(), labels.classNames());
    }

    /** Picks the format from the first bytes (magic numbers win over names), then the name. */
    static Format formatOf(Path path) {
        if (Files.isDirectory(path)) {
            return Format.IMAGE_FOLDER;
        }
        byte[] head = firstBytes(path);
        if (head.length >= 6 && (head[0] & 0xff) == 0x93 && head[1] == 'N' && head[2] == 'U' && head[3] == 'M') {
            return Format.NPY;
        }
        if (head.length >= 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xff) >= 0x08
                && (head[2] & 0xff) <= 0x0E && head[3] >= 1 && head[3] <= 8) {
            return Format.IDX;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return Format.NPY;
        }
        if (name.contains("idx") || name.contains("-ubyte")) {
            return Format.IDX;
        }
        if (ImageFolderLoader.isImageName(path)) {
            throw new DataException(path + ": is a single image; give the folder that holds the images"
                    + " (one sub-folder per class)");
        }
        return Format.CSV;
    }

    /** The first 8 bytes, decompressed if the file is gzipped. */
    private static byte[] firstBytes(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            return in.readNBytes(8);
        } catch (IOException e) {
            // A damaged gzip or unreadable file: let the loader chosen by name report it in full.
            return new byte[0];
        }
    }
}
