package org.aeworkbench.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.AvgPool2DSpec;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.FlattenSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.engine.model.Upsample2DSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.project.Project;
import org.aeworkbench.ui.project.ProjectFile;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;

/**
 * Writes the seed corpora of the fuzz tests: small valid files of every format, cut from the
 * bundled data where there is real data to cut (MNIST digits, iris, the digits CSV). The seeds
 * are checked in; rerun this only to change them:
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.aeworkbench.fuzz.FuzzSeeds
 * </pre>
 * Jazzer reads {@code <TestClass>Inputs/} (shared by the class's fuzz tests) and
 * {@code <TestClass>Inputs/<method>/} from the test class's resource package.
 */
public final class FuzzSeeds {

    private static final Path DATA = Path.of("sample-data");

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : "src/test/resources/org/aeworkbench/fuzz");
        csv(base.resolve("CsvFuzzTestInputs"));
        idx(base.resolve("IdxFuzzTestInputs"));
        npy(base.resolve("NpyFuzzTestInputs"));
        images(base.resolve("ImageFuzzTestInputs"));
        models(base.resolve("ModelFileFuzzTestInputs"));
        specs(base.resolve("SpecJsonFuzzTestInputs"));
        specs(base.resolve("ModelSpecBuildFuzzTestInputs"));
        projects(base.resolve("ProjectFileFuzzTestInputs"));
        safetensors(base.resolve("SafetensorsFuzzTestInputs"));
    }

    private static void csv(Path dir) throws IOException {
        List<String> iris = Files.readAllLines(DATA.resolve("iris.csv"));
        // The header line, then two rows of each of the three species (rows are grouped by species).
        List<String> head = new ArrayList<>(List.of("sepal_length,sepal_width,petal_length,petal_width,species"));
        for (int row : new int[] {1, 2, 51, 52, 101, 102}) {
            String[] cells = iris.get(row).split(",");
            cells[4] = List.of("setosa", "versicolor", "virginica").get(Integer.parseInt(cells[4]));
            head.add(String.join(",", cells));
        }
        write(dir.resolve("iris-header-labels.csv"), (String.join("\n", head) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.copy(DATA.resolve("customers.csv"), mkdirs(dir.resolve("customers-text-first-column.csv")),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> digits = new String(gunzip(Files.readAllBytes(DATA.resolve("digits.csv.gz"))),
                StandardCharsets.UTF_8).lines().limit(3).toList();
        write(dir.resolve("digits-3-rows.csv.gz"), FuzzFiles.gzip((String.join("\n", digits) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        write(dir.resolve("quoted.tsv"), ("\"name\"\tx\ty\n\"a \"\"b\"\"\"\t1.5\t-2e3\n\"c\"\t0\t.5\n")
                .getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("semicolons-no-header.csv"), "1;2;3\n4;5;6\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("bom-comment-spaces.csv"), ("\uFEFF# exported\nx y label\n1 2 a\n3 4 b\n\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void idx(Path dir) throws IOException {
        byte[] images = gunzip(Files.readAllBytes(DATA.resolve("mnist-10k-images-idx3-ubyte.gz")));
        byte[] labels = gunzip(Files.readAllBytes(DATA.resolve("mnist-10k-labels-idx1-ubyte.gz")));
        write(dir.resolve("mnist-5-images-idx3-ubyte"), idxPrefix(images, 5, 28 * 28, 16));
        write(dir.resolve("mnist-5-labels-idx1-ubyte"), idxPrefix(labels, 5, 1, 8));
        // Gzipped: a seed for the plain target only (the gzipped target compresses its input itself).
        write(dir.resolve("idx/mnist-2-images-idx3-ubyte.gz"), FuzzFiles.gzip(idxPrefix(images, 2, 28 * 28, 16)));
        ByteBuffer f32 = ByteBuffer.allocate(4 + 8 + 6 * 4).order(ByteOrder.BIG_ENDIAN);
        f32.put(new byte[] {0, 0, 0x0D, 2}).putInt(2).putInt(3);
        for (float v : new float[] {0.5f, -1, 2.25f, 1e-3f, 0, 7}) {
            f32.putFloat(v);
        }
        write(dir.resolve("float32-2x3-idx2"), f32.array());
        ByteBuffer i16 = ByteBuffer.allocate(4 + 4 + 3 * 2).order(ByteOrder.BIG_ENDIAN);
        i16.put(new byte[] {0, 0, 0x0B, 1}).putInt(3).putShort((short) -300).putShort((short) 0).putShort((short) 12);
        write(dir.resolve("int16-3-idx1"), i16.array());
    }

    /** The IDX header with the first dimension set to {@code n}, then the first n samples. */
    private static byte[] idxPrefix(byte[] idx, int n, int sampleBytes, int headerBytes) {
        byte[] out = Arrays.copyOf(idx, headerBytes + n * sampleBytes);
        ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN).putInt(4, n);
        return out;
    }

    private static void npy(Path dir) throws IOException {
        ByteBuffer f32 = ByteBuffer.allocate(12 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 12; i++) {
            f32.putFloat(i * 0.25f - 1);
        }
        write(dir.resolve("float32-3x4.npy"), npyFile(1, "<f4", "(3, 4)", f32.array()));
        byte[] digit = new byte[2 * 3 * 3];
        for (int i = 0; i < digit.length; i++) {
            digit[i] = (byte) (i * 15);
        }
        write(dir.resolve("uint8-2x3x3.npy"), npyFile(1, "|u1", "(2, 3, 3)", digit));
        ByteBuffer f8 = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(0.25).putDouble(-8);
        write(dir.resolve("float64-big-endian-2.npy"), npyFile(1, ">f8", "(2,)", f8.array()));
        ByteBuffer i8 = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).putLong(1L << 40)
                .putLong(0).putLong(3);
        write(dir.resolve("int64-2x2-version2.npy"), npyFile(2, "<i8", "(2, 2)", i8.array()));
        write(dir.resolve("bool-3.npy"), npyFile(1, "|b1", "(3,)", new byte[] {1, 0, 1}));
    }

    /**
     * An .npy file as numpy.lib.format writes it: magic, version, header length (2 bytes in
     * version 1, 4 in version 2), the dict padded with spaces so the data starts on a multiple
     * of 64 bytes, a newline, then the data.
     */
    private static byte[] npyFile(int major, String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int prefix = 8 + (major == 1 ? 2 : 4);
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    private static void images(Path dir) throws IOException {
        byte[] images = gunzip(Files.readAllBytes(DATA.resolve("mnist-10k-images-idx3-ubyte.gz")));
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 28 * 28; i++) {
            int v = 255 - (images[16 + i] & 0xff); // dark ink on white, as a scan looks
            digit.getRaster().setSample(i % 28, i / 28, 0, v);
        }
        image(dir.resolve("mnist-digit-gray.png"), digit, "png");
        image(dir.resolve("mnist-digit.jpg"), digit, "jpg");
        image(dir.resolve("mnist-digit.gif"), digit, "gif");
        image(dir.resolve("mnist-digit.bmp"), digit, "bmp");
        BufferedImage rgba = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = {0xffff0000, 0x8000ff00, 0x000000ff, 0xffffffff, 0xff000000, 0x40808080};
        for (int i = 0; i < pixels.length; i++) {
            rgba.setRGB(i % 3, i / 3, pixels[i]);
        }
        image(dir.resolve("rgba-3x2.png"), rgba, "png");
        BufferedImage gray16 = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        for (int i = 0; i < 16; i++) {
            gray16.getRaster().setSample(i % 4, i / 4, 0, i * 4096);
        }
        image(dir.resolve("gray16-4x4.png"), gray16, "png");
    }

    private static void image(Path file, BufferedImage img, String format) throws IOException {
        if (!ImageIO.write(img, format, mkdirs(file).toFile())) {
            throw new IOException("no " + format + " writer");
        }
    }

    private static void models(Path dir) throws IOException {
        Shape six = Shape.vector(6);
        List<LayerSpec> encoder = List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(2, Activation.IDENTITY));
        ModelSpec tiny = ModelSpec.of("tiny", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                ReconstructionLoss.BCE);
        Shape image = Shape.image(6, 6, 1);
        List<LayerSpec> convEncoder = List.of(Conv2DSpec.same(2, 3, Activation.RELU),
                new MaxPool2DSpec(2, 2, Padding.SAME), new FlattenSpec(), new DenseSpec(2, Activation.IDENTITY));
        List<LayerSpec> convDecoder = List.of(new DenseSpec(18, Activation.RELU), new ReshapeSpec(3, 3, 2),
                new Upsample2DSpec(2), new AvgPool2DSpec(2, 1, Padding.SAME),
                ConvTranspose2DSpec.same(1, 3, 1, Activation.SIGMOID));
        ModelSpec tinyConv = ModelSpec.of("tiny-conv", convEncoder, convDecoder, ReconstructionLoss.BCE);
        List<ModelSpec> designs = List.of(tiny, tiny.withName("tiny-vae").with(new VariationalSpec(1.0)),
                Presets.get("keras-simple", six), Presets.get("k-sparse", six), Presets.get("contractive", six),
                tinyConv);
        for (ModelSpec spec : designs) {
            Path file = mkdirs(dir.resolve("modelFile/" + spec.name() + ".aem"));
            var info = ModelSpecJson.mapper().createObjectNode().put("data", "iris").put("epochs", 2);
            Shape in = spec == tinyConv ? image : six;
            ModelFile.save(file, ModelBuilder.build(spec, in), spec == tiny ? info : null);
            write(dir.resolve("modelFileContent/" + spec.name() + ".aem.content"), gunzip(Files.readAllBytes(file)));
        }
    }

    private static void specs(Path dir) throws IOException {
        for (Presets.Preset p : Presets.all()) {
            // Sized to MNIST's 28x28x1, which dense and convolutional designs both accept.
            write(dir.resolve(p.name() + ".json"),
                    ModelSpecJson.toJson(p.build(Shape.image(28, 28, 1))).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A trained project with history and weights, and an untrained one; both as files and as project.json. */
    private static void projects(Path dir) throws IOException {
        Shape six = Shape.vector(6);
        List<LayerSpec> encoder = List.of(new DenseSpec(3, Activation.RELU), new DenseSpec(2, Activation.IDENTITY));
        ModelSpec spec = ModelSpec.of("tiny", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(new VariationalSpec(1.0));
        List<EpochPoint> history = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            LossTerms train = LossTerms.of(0.7 - 0.1 * e, Map.of("kl", 0.25));
            history.add(new EpochPoint(e + 1, new EpochSnapshot(0, "train", e, 2, train,
                    LossTerms.of(0.8 - 0.1 * e, Map.of("kl", 0.3)), 0.75 - 0.1 * e, 1.5 * (e + 1), 1000, null)));
        }
        Project trained = new Project(spec, true, new DataReference("iris", 150, 7, ScaleChoice.MIN_MAX),
                new TrainingHistory(history, List.of(), List.of(), null),
                ModelBuilder.build(spec, six));
        Project untrained = new Project(spec.withName("untrained"), false, DataReference.of("mnist"), TrainingHistory.EMPTY, null);
        for (Project p : List.of(trained, untrained)) {
            Path file = mkdirs(dir.resolve("projectFile/" + p.spec().name() + ".aewb"));
            ProjectFile.save(file, p);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals("project.json")) {
                        write(dir.resolve("projectJson/" + p.spec().name() + ".json"), zip.readAllBytes());
                    }
                }
            }
        }
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Weights of tiny designs as the export writes them, and a file with metadata and a scalar. */
    private static void safetensors(Path dir) throws IOException {
        Path file = mkdirs(dir.resolve("two-tensors.safetensors"));
        org.aeworkbench.engine.io.safetensors.Safetensors.write(file, List.of(
                new org.aeworkbench.engine.io.safetensors.Tensor("encoder.0.weight", new long[] {2, 3},
                        new float[] {1, -2, 3.5f, 0, 1e-3f, -7}),
                new org.aeworkbench.engine.io.safetensors.Tensor("encoder.0.bias", new long[] {2}, new float[] {0.5f, -0.5f}),
                new org.aeworkbench.engine.io.safetensors.Tensor("step", new long[0], new float[] {3})),
                Map.of("format", "pt", "producer", "AE Workbench"));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(mkdirs(file), bytes);
    }

    private static Path mkdirs(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }
}
