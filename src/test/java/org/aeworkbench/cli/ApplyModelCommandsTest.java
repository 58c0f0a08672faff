package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.data.CsvOptions;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.IdxTestFiles;
import org.aeworkbench.data.LoadOptions;
import org.aeworkbench.data.NpyReader;
import org.aeworkbench.data.NumericArray;
import org.aeworkbench.data.TrainedModel;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --val-data}, then {@code evaluate}, {@code encode} and {@code reconstruct} on IDX
 * files as MNIST publishes them (gzipped bytes 0-255), with the preparation the model file records.
 */
class ApplyModelCommandsTest {

    @TempDir
    static Path dir;

    private static Path train;
    private static Path val;
    private static Path valLabels;
    private static Path vae;
    private static JsonNode trained;

    private static JsonNode json(CliRunner.Result r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.lastLine());
    }

    @BeforeAll
    static void trainAVaeValidatedOnItsOwnFile() throws Exception {
        train = IdxTestFiles.mnistImages(dir, "train-images-idx3-ubyte.gz", 0, 400);
        val = IdxTestFiles.mnistImages(dir, "t10k-images-idx3-ubyte.gz", 400, 150);
        valLabels = IdxTestFiles.mnistLabels(dir, "t10k-labels-idx1-ubyte.gz", 400, 150);
        vae = dir.resolve("vae.aem");
        CliRunner.Result r = CliRunner.run("train", "--data", train.toString(), "--val-data", val.toString(),
                "--preset", "vae-pytorch-example", "--epochs", "2", "--json", "--out", vae.toString());
        trained = json(r);
        assertEquals("scaling: divide by 255 (auto: unsigned bytes)", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains("400 train / 150 validation samples"), r.out());
    }

    @Test
    void evaluateGivesTheLossTheTrainersValidationPassGaveOnTheSameSamples() throws Exception {
        CliRunner.Result r = CliRunner.run("evaluate", "--model", vae.toString(), "--data", val.toString(), "--json");
        JsonNode e = json(r);
        assertEquals("scaling: divide by 255 (recorded in vae.aem: auto: unsigned bytes)", r.out().lines().findFirst().orElseThrow());
        JsonNode valLoss = trained.get("val_loss");
        assertEquals(valLoss.get(valLoss.size() - 1).asDouble(), e.get("loss").asDouble(), 0.0,
                "the same pass with the same seed for the VAE's noise");
        assertEquals(trained.get("val_recon_error").asDouble(), e.get("recon_error").asDouble(), 0.0);
        assertEquals(150, e.get("samples").asInt());
        assertEquals(e.get("loss").asDouble(), e.get("terms").get("reconstruction").asDouble() + e.get("terms").get("kl").asDouble(),
                1e-9 * e.get("loss").asDouble(), "the negative ELBO is its reconstruction and KL terms");
        assertEquals(e.get("terms").get("reconstruction").asDouble() / 784, e.get("bce_per_feature").asDouble(), 1e-12);
        assertEquals("255", e.get("scaling").asText());
        // Another seed draws other codes: another estimate of the same ELBO.
        JsonNode other = json(CliRunner.run("evaluate", "--model", vae.toString(), "--data", val.toString(), "--seed", "9", "--json"));
        assertFalse(other.get("loss").asDouble() == e.get("loss").asDouble());
        assertEquals(e.get("terms").get("kl").asDouble(), other.get("terms").get("kl").asDouble(), 1e-9);
    }

    @Test
    void withLabelsTheReconstructionErrorIsGivenPerClassToo() throws Exception {
        JsonNode e = json(CliRunner.run("evaluate", "--model", vae.toString(), "--data", val.toString(), "--labels",
                valLabels.toString(), "--json"));
        JsonNode perClass = e.get("recon_error_per_class");
        Dataset labels = DataSources.load(val.toString(), LoadOptions.defaults().withLabels(valLabels));
        int[] counts = new int[10];
        for (int l : labels.labels()) {
            counts[l]++;
        }
        double weighted = 0;
        for (int c = 0; c < 10; c++) {
            weighted += counts[c] * perClass.get(Integer.toString(c)).asDouble();
        }
        assertEquals(e.get("recon_error").asDouble(), weighted / 150, 1e-6 * weighted / 150,
                "the classes' errors, weighted by their sizes, make up the overall error");
    }

    @Test
    void encodeWritesTheMeansToNpyAndCsvThatReadBack() throws Exception {
        Path npy = dir.resolve("codes.npy");
        Path csv = dir.resolve("codes.csv");
        assertEquals(0, CliRunner.run("encode", "--model", vae.toString(), "--data", val.toString(), "--out", npy.toString()).code());
        CliRunner.Result c = CliRunner.run("encode", "--model", vae.toString(), "--data", val.toString(), "--labels",
                valLabels.toString(), "--out", csv.toString());
        assertEquals(0, c.code(), c.err());
        TrainedModel model = TrainedModel.load(vae);
        Dataset prepared = model.prepare(DataSources.load(val.toString()), "val");
        float[] means;
        try (Compute compute = Compute.create(Backend.AUTO, 0)) {
            means = model.model().encode(compute, prepared.values(), 150);
        }
        NumericArray codes = NpyReader.read(npy);
        assertArrayEquals(new int[] {150, 20}, codes.dims());
        assertArrayEquals(means, codes.values(), 0f);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(151, lines.size());
        assertTrue(lines.get(0).startsWith("z1,z2,") && lines.get(0).endsWith(",z20,label"), lines.get(0));
        Dataset back = DataSources.load(csv.toString(), LoadOptions.defaults().withCsv(new CsvOptions(',', true, "label")));
        assertArrayEquals(means, back.values(), 0f);
        Path sampled = dir.resolve("sampled.npy");
        assertEquals(0, CliRunner.run("encode", "--model", vae.toString(), "--data", val.toString(), "--sample", "--out",
                sampled.toString()).code());
        assertFalse(java.util.Arrays.equals(means, NpyReader.read(sampled).values()), "--sample draws z around the means");
    }

    @Test
    void reconstructWritesArraysShapedLikeTheDataOrOnePngEach() throws Exception {
        Path npy = dir.resolve("recon.npy");
        assertEquals(0, CliRunner.run("reconstruct", "--model", vae.toString(), "--data", val.toString(), "--out", npy.toString()).code());
        NumericArray recon = NpyReader.read(npy);
        assertArrayEquals(new int[] {150, 28, 28}, recon.dims());
        for (float v : recon.values()) {
            assertTrue(v >= 0 && v <= 1, "a sigmoid output, in the prepared units");
        }
        Path pngs = dir.resolve("recon-png");
        CliRunner.Result r = CliRunner.run("reconstruct", "--model", vae.toString(), "--data", val.toString(), "--out", pngs.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(pngs)) {
            assertEquals(150, files.count());
        }
        var image = javax.imageio.ImageIO.read(pngs.resolve("000.png").toFile());
        assertEquals(28, image.getWidth());
    }

    @Test
    void aModelAppliedToDataOfAnotherWidthNamesBothWidthsAndFiles() throws Exception {
        Path csv = Files.writeString(dir.resolve("narrow.csv"), "a,b,c\n1,2,3\n4,5,6\n");
        CliRunner.Result r = CliRunner.run("evaluate", "--model", vae.toString(), "--data", csv.toString());
        assertEquals(1, r.code());
        String err = r.err().trim();
        assertTrue(err.contains(csv.toString()) && err.contains("3 values per sample") && err.contains(vae.toString())
                && err.contains("takes 784"), err);
        CliRunner.Result sample = CliRunner.run("encode", "--model", dir.resolve("none.aem").toString(), "--data",
                val.toString(), "--out", dir.resolve("x.npy").toString());
        assertEquals(1, sample.code());
        assertTrue(sample.err().contains("none.aem: no such file"), sample.err());
        CliRunner.Result format = CliRunner.run("encode", "--model", vae.toString(), "--data", val.toString(), "--out",
                dir.resolve("codes.txt").toString());
        assertEquals(2, format.code(), "an output name that is neither .npy nor .csv is a usage error");
        assertTrue(format.err().contains(".npy") && format.err().contains(".csv"), format.err());
    }
}
