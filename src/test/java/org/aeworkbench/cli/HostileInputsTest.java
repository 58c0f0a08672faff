package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line against hostile designs, damaged model files and careless arguments, each run
 * as its own JVM with {@code -Xmx512m}, as a user would run the jar. Each case must be handled
 * cleanly: the exit code it names (never 0 for bad input), one message naming the file, field or
 * argument, no stack trace and no {@code OutOfMemoryError}, no hang, and nothing written anywhere
 * (the run's folder, its home folder and the inputs are compared before and after).
 *
 * <p>By default a representative case of each kind runs (about 15 JVMs); every case with
 * {@code -Dhostile.all=true}: {@code mvn test -Dtest=HostileInputsTest -Dhostile.all=true}.
 */
class HostileInputsTest {

    @TempDir
    static Path inputs;

    @TempDir
    static Path runs;

    /**
     * One hostile run.
     *
     * @param name     what it tries
     * @param args     the command line; {@code @} stands for the inputs' folder
     * @param exit     the exit code expected (1 bad input, 2 bad usage)
     * @param mentions what the message must name (the file, field or option)
     * @param always   whether it runs by default, not only with -Dhostile.all=true
     */
    record Case(String name, String args, int exit, String mentions, boolean always) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case always(String name, String args, int exit, String mentions) {
        return new Case(name, args, exit, mentions, true);
    }

    private static Case more(String name, String args, int exit, String mentions) {
        return new Case(name, args, exit, mentions, false);
    }

    static Stream<Case> cases() {
        List<Case> all = List.of(
                // Designs too large to build (issue 21)
                always("a billion units", "train --data iris --model @/units-1e9.json", 1, "encoder[0]"),
                always("fifty million units", "train --data iris --model @/units-5e7.json", 1, "encoder[0]"),
                always("the largest code size", "train --data iris --preset reference --code-size 2147483647", 1,
                        "encoder[2]"),
                more("a code size of 100,000 on MNIST", "train --data mnist --preset reference --code-size 100000", 1,
                        "encoder[2]"),
                more("a negative code size", "train --data iris --preset reference --code-size -3", 1, "encoder[2]"),
                more("negative units", "train --data iris --model @/units-negative.json", 1, "encoder[0]"),
                more("a huge upsampling", "train --data iris --model @/upsample-huge.json", 1, "encoder[1]"),
                more("a huge batch on a wide layer", "train --data iris --model @/wide-batch.json", 1, "encoder[0]"),
                more("threads beyond reason", "train --data iris --threads 100000", 1, "training.threads"),
                // Spec files
                always("NaN in a spec", "train --data iris --model @/nan.json", 1, "nan.json, line 1"),
                more("Infinity in a spec", "train --data iris --model @/infinity.json", 1, "infinity.json, line 1"),
                always("a spec that is not UTF-8", "train --data iris --model @/latin1.json", 1, "offset"),
                more("deeply nested JSON", "train --data iris --model @/nested.json", 1, "nested.json"),
                more("an empty spec", "train --data iris --model @/empty.json", 1, "empty.json"),
                more("a folder for a spec", "train --data iris --model @/folder.json", 1, "folder.json: is a folder"),
                always("a link to a device for a spec", "train --data iris --model @/device-link.json", 1,
                        "is a link to /dev/zero, a character device"),
                // Model files
                always("a flipped bit in a model", "evaluate --data iris --model @/flipped.aem", 1, "flipped.aem: damaged"),
                always("a model missing its last 8 bytes", "evaluate --data iris --model @/cut8.aem", 1,
                        "cut8.aem: truncated"),
                more("a model cut in half", "train --data iris --model @/half.aem", 1, "half.aem: truncated"),
                more("an empty model file", "evaluate --data iris --model @/empty.aem", 1, "empty.aem"),
                more("bytes after a model", "encode --data iris --model @/longer.aem --out codes.npy", 1, "longer.aem"),
                always("a huge design with zero weights", "evaluate --data iris --model @/zeros.aem", 1,
                        "zeros.aem: the design 'zeros' needs"),
                more("a folder for a model", "evaluate --data iris --model @/folder.aem", 1, "folder.aem: is a folder"),
                // Exports and imports
                always("a safetensors file cut short", "import pytorch --weights @/cut.safetensors --model @/good.aem"
                        + " --out imported.aem", 1, "cut.safetensors"),
                more("a safetensors header claiming a terabyte", "import pytorch --weights @/huge-header.safetensors"
                        + " --model @/good.aem --out imported.aem", 1, "huge-header.safetensors"),
                more("a flipped bit in safetensors weights", "import pytorch --weights @/nan.safetensors"
                        + " --model @/good.aem --out imported.aem", 1, "nan.safetensors"),
                always("a flipped bit in a safetensors weight", "import pytorch --weights @/flipped.safetensors"
                        + " --model @/good.aem --out imported.aem", 1, "flipped.safetensors: damaged weights file"),
                more("a device as weights", "import pytorch --weights /dev/zero --model @/good.aem --out imported.aem", 1,
                        "--weights /dev/zero: is a character device"),
                more("imported weights where files cannot be created", "import pytorch --weights @/good.safetensors"
                        + " --model @/good.aem --out /proc/i.aem", 1, "--out /proc/i.aem"),
                always("a damaged model exported", "export onnx --model @/flipped.aem --out m.onnx", 1,
                        "flipped.aem: damaged"),
                more("ONNX where files cannot be created", "export onnx --model @/good.aem --out /proc/m.onnx", 1,
                        "--out /proc/m.onnx"),
                more("a billion units exported", "export pytorch --model @/units-1e9.json --out package", 1, "encoder[0]"),
                more("a link to a device exported", "export pytorch --model @/device-link.json --out package", 1,
                        "is a link to /dev/zero"),
                // Data
                always("a device as data", "train --data /dev/zero", 1, "/dev/zero: is a character device"),
                always("a named pipe as data", "train --data @/pipe.csv", 1, "pipe.csv: is a named pipe"),
                more("a link to a device as data", "compare --data @/zero-link.csv", 1, "is a link to /dev/zero"),
                more("a broken link as data", "train --data @/broken-link.csv", 1, "broken-link.csv: is a link to"),
                more("an empty data file", "train --data @/empty.csv", 1, "empty.csv"),
                more("a header and no rows", "train --data @/header-only.csv", 1, "header-only.csv"),
                more("a device as labels", "train --data iris --labels /dev/zero", 1, "/dev/zero"),
                more("labels not in UTF-8", "train --data @/two-columns.csv --labels @/labels-latin1.txt", 1, "offset"),
                more("a device as held-out data", "compare --data iris --test-data /dev/zero", 1, "/dev/zero"),
                // Arguments
                more("no epochs", "train --data iris --epochs 0", 1, "training.epochs"),
                always("two billion epochs", "train --data iris --epochs 2147483647", 1, "training.epochs: train for at most"),
                always("100,000 threads for bench", "bench --quick --threads 100000", 2, "--threads: threads must be 0"),
                more("negative threads for evaluate", "evaluate --data iris --model @/good.aem --threads -3", 2,
                        "--threads: threads must be 0"),
                more("a NaN machine peak", "bench --quick --peak-gflops NaN", 2, "--peak-gflops"),
                more("infinite code noise", "retrieve --data iris --test-fraction 0.2 --bits 8 --code-noise Infinity", 2,
                        "--code-noise"),
                more("code noise without binary codes", "retrieve --data iris --test-fraction 0.2 --code-noise 0.5", 2,
                        "--code-noise"),
                more("a NaN learning rate", "train --data iris --lr NaN", 1, "optimizer.learningRate"),
                more("a batch of zero", "train --data iris --batch 0", 1, "training.batchSize"),
                more("a test fraction above 1", "compare --data iris --test-fraction 1.5", 1, "fraction 1.5"),
                more("an empty data name", "train --data=", 1, "empty name"),
                more("an empty model path", "train --data iris --model=", 2, "--model"),
                more("an empty output path", "train --data iris --epochs 1 --out=", 2, "--out"),
                always("both a preset and a model", "train --data iris --preset reference --model @/good.aem", 2,
                        "use either --preset or --model, not both"),
                more("a shape that is not one", "export pytorch --model @/tiny.json --input 28x28 --out package", 2,
                        "--input '28x28' is not a shape"),
                more("a seed that is not a number", "train --data iris --seed abc", 2, "--seed"),
                // Outputs
                always("an output where files cannot be created", "train --data iris --epochs 1 --out /proc/m.aem", 1,
                        "--out /proc/m.aem"),
                always("an output onto a device", "train --data iris --epochs 1 --out /dev/full", 1, "--out /dev/full"),
                more("an output inside a file", "train --data iris --epochs 1 --out @/two-columns.csv/m.aem", 1, "--out"),
                more("an output that is a folder", "train --data iris --epochs 1 --out @", 1, "is a folder"),
                more("anomaly scores where files cannot be created",
                        "anomaly --data iris --normal setosa --epochs 1 --out /proc/s.csv", 1, "--out /proc/s.csv"),
                more("reconstructions onto a device", "reconstruct --data iris --model @/good.aem --out /dev/full", 1,
                        "--out /dev/full: is a character device, not a folder"),
                more("codes where files cannot be created", "encode --data iris --model @/good.aem --out /proc/c.npy", 1,
                        "--out /proc/c.npy"),
                // Splits that would leave nothing to work on
                always("PCA beside a code wider than the data", "compare --data iris --code-size 10 --epochs 1", 1,
                        "--code-size 4"),
                more("one training sample for PCA", "compare --data @/two-rows.csv --epochs 1", 1, "two-rows.csv"));
        boolean everything = Boolean.getBoolean("hostile.all");
        return all.stream().filter(c -> everything || c.always());
    }

    @BeforeAll
    static void writeInputs() throws Exception {
        String dense = "{\"name\": \"%s\", \"encoder\": [{\"type\": \"dense\", \"units\": %d, \"activation\": \"relu\"}],"
                + " \"decoder\": [{\"type\": \"dense\", \"units\": 4}]%s}";
        write("units-1e9.json", String.format(dense, "huge", 1_000_000_000, ""));
        write("units-5e7.json", String.format(dense, "big", 50_000_000, ""));
        write("tiny.json", String.format(dense, "tiny", 2, ""));
        write("units-negative.json", String.format(dense, "negative", -5, ""));
        write("wide-batch.json", String.format(dense, "wide", 1_000_000, ", \"training\": {\"batchSize\": 100000}"));
        write("upsample-huge.json", "{\"name\": \"up\", \"encoder\": [{\"type\": \"reshape\", \"height\": 2, \"width\": 2,"
                + " \"channels\": 1}, {\"type\": \"upsample2d\", \"factor\": 100000}, {\"type\": \"flatten\"},"
                + " {\"type\": \"dense\", \"units\": 2}], \"decoder\": [{\"type\": \"dense\", \"units\": 4}]}");
        write("nan.json", "{\"name\": \"x\", \"optimizer\": {\"kind\": \"adam\", \"learningRate\": NaN}}");
        write("infinity.json", "{\"name\": \"x\", \"training\": {\"clipNorm\": Infinity}}");
        Files.write(inputs.resolve("latin1.json"), "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        write("nested.json", "{\"name\": \"x\", \"encoder\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        write("empty.json", "");
        Files.createDirectory(inputs.resolve("folder.json"));
        Files.createDirectory(inputs.resolve("folder.aem"));
        Files.createSymbolicLink(inputs.resolve("device-link.json"), Path.of("/dev/zero"));
        Files.createSymbolicLink(inputs.resolve("zero-link.csv"), Path.of("/dev/zero"));
        Files.createSymbolicLink(inputs.resolve("broken-link.csv"), inputs.resolve("nowhere.csv"));
        write("empty.csv", "");
        write("header-only.csv", "a,b\n");
        write("two-columns.csv", "a,b\n1,2\n3,4\n5,6\n");
        write("two-rows.csv", "a,b\n1,2\n3,5\n");
        Files.write(inputs.resolve("labels-latin1.txt"), "caf\u00e9\nthé\nx\n".getBytes(StandardCharsets.ISO_8859_1));
        Process mkfifo = new ProcessBuilder("mkfifo", inputs.resolve("pipe.csv").toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");

        ModelSpec spec = ModelSpec.of("tiny", List.of(new DenseSpec(2, Activation.RELU)),
                List.of(new DenseSpec(4, Activation.IDENTITY)), ReconstructionLoss.MSE);
        Path good = inputs.resolve("good.aem");
        ModelFile.save(good, ModelBuilder.build(spec, Shape.vector(4)), null);
        byte[] bytes = Files.readAllBytes(good);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x08;
        Files.write(inputs.resolve("flipped.aem"), flipped);
        Files.write(inputs.resolve("cut8.aem"), java.util.Arrays.copyOf(bytes, bytes.length - 8));
        Files.write(inputs.resolve("half.aem"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.write(inputs.resolve("longer.aem"), java.util.Arrays.copyOf(bytes, bytes.length + 16));
        Files.write(inputs.resolve("empty.aem"), new byte[0]);
        Path weights = inputs.resolve("good.safetensors");
        org.aeworkbench.export.pytorch.TorchWeights.write(ModelFile.load(good).model(), weights, java.util.Map.of());
        byte[] st = Files.readAllBytes(weights);
        Files.write(inputs.resolve("cut.safetensors"), java.util.Arrays.copyOf(st, st.length - 5));
        byte[] huge = st.clone();
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Files.write(inputs.resolve("huge-header.safetensors"), huge);
        byte[] nan = st.clone();
        java.nio.ByteBuffer.wrap(nan).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(st.length - 4, Float.NaN);
        Files.write(inputs.resolve("nan.safetensors"), nan);
        byte[] flippedWeight = st.clone();
        flippedWeight[st.length - 4] ^= 1; // the lowest mantissa bit of the last weight: still finite
        Files.write(inputs.resolve("flipped.safetensors"), flippedWeight);
        Files.write(inputs.resolve("zeros.aem"), org.aeworkbench.engine.io.ZeroWeightsFiles.of(
                ModelSpec.of("zeros", List.of(new DenseSpec(100_000_000, Activation.RELU)),
                        List.of(new DenseSpec(4, Activation.IDENTITY)), ReconstructionLoss.MSE), Shape.vector(4), 3600));
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(inputs.resolve(name), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isHandledCleanly(Case c) throws Exception {
        Path cwd = Files.createDirectory(runs.resolve("run-" + Integer.toHexString(c.name().hashCode())));
        Path home = Files.createDirectory(runs.resolve("home-" + Integer.toHexString(c.name().hashCode())));
        Map<String, String> before = tree(inputs);
        List<String> args = new ArrayList<>();
        for (String a : c.args().split(" ")) {
            args.add(a.replace("@", inputs.toString()));
        }
        CliProcess run = CliProcess.run(cwd, home, args);
        if (run == null) {
            fail(c.name() + ": no answer in " + CliProcess.TIMEOUT_SECONDS + " s");
        }
        String said = run.err();
        assertEquals(c.exit(), run.exit(), c.name() + ": exit code; stderr: " + said + " stdout: " + run.out());
        assertFalse(said.contains("\tat ") || said.contains("Exception") || said.contains("OutOfMemoryError")
                || said.contains("Error:"), c.name() + ": a stack trace or a Java error: " + said);
        assertTrue(said.startsWith("ae-workbench: ") && said.strip().lines().count() == 1,
                c.name() + ": one line of message: " + said);
        assertTrue(said.contains(c.mentions().replace("@", inputs.toString())), c.name() + ": names '" + c.mentions()
                + "': " + said);
        try (Stream<Path> left = Files.list(home)) {
            assertEquals(List.of(), left.toList(), c.name() + ": nothing written in the home folder (no log file)");
        }
        try (Stream<Path> left = Files.list(cwd)) {
            assertEquals(List.of(), left.toList(), c.name() + ": nothing written in the working folder");
        }
        assertEquals(before, tree(inputs), c.name() + ": the inputs are unchanged and nothing was added beside them");
    }

    /** Every path under {@code root} with its size and modification time (links not followed). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                var a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                files.put(root.relativize(f).toString(), a.size() + " " + a.lastModifiedTime());
            }
        }
        return files;
    }
}
