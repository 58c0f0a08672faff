package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.data.IdxTestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --scale} on train, compare and data show, and what the commands refuse or say before
 * they train: an unusable output path, a split that would be empty, no validation samples.
 */
class ScaleAndEarlyChecksTest {

    @TempDir
    Path dir;

    private static String firstLine(CliRunner.Result r) {
        return r.out().lines().findFirst().orElse("");
    }

    @Test
    void publishedByteFilesTrainWithBceAndSayHowTheyWereScaled() throws Exception {
        Path images = IdxTestFiles.mnistImages(dir, "train-images-idx3-ubyte.gz", 0, 300);
        CliRunner.Result r = CliRunner.run("train", "--data", images.toString(), "--preset", "reference", "--epochs", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("scaling: divide by 255 (auto: unsigned bytes)", firstLine(r));
        JsonNode json = new ObjectMapper().readTree(r.lastLine());
        assertEquals("255", json.get("scaling").asText());
        Path labels = IdxTestFiles.mnistLabels(dir, "train-labels-idx1-ubyte.gz", 0, 300);
        CliRunner.Result c = CliRunner.run("compare", "--data", images.toString(), "--labels", labels.toString(),
                "--preset", "reference", "--epochs", "1", "--json");
        assertEquals(0, c.code(), c.err());
        assertEquals("scaling: divide by 255 (auto: unsigned bytes)", firstLine(c));
        CliRunner.Result none = CliRunner.run("train", "--data", images.toString(), "--preset", "reference", "--scale", "none");
        assertEquals(1, none.code(), "BCE on bytes left as they are cannot train");
        assertTrue(none.err().contains("--scale 255"), none.err());
    }

    @Test
    void anUnknownScaleIsAUsageErrorListingTheChoices() {
        for (String command : new String[] {"train", "compare"}) {
            CliRunner.Result r = CliRunner.run(command, "--data", "iris", "--scale", "unit");
            assertEquals(2, r.code(), command);
            assertTrue(r.err().contains("unknown scale 'unit'; choose one of auto, none, 255, minmax, zscore"), r.err());
        }
        CliRunner.Result show = CliRunner.run("data", "show", "iris", "--scale", "0-1");
        assertEquals(2, show.code());
        assertTrue(show.err().contains("auto, none, 255, minmax, zscore"), show.err());
    }

    @Test
    void dataShowSaysHowItScaledAndWhatWasStored() throws Exception {
        Path images = IdxTestFiles.mnistImages(dir, "t10k-images-idx3-ubyte.gz", 0, 5);
        CliRunner.Result r = CliRunner.run("data", "show", images.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("scaling: divide by 255 (auto: unsigned bytes)", firstLine(r));
        JsonNode json = new ObjectMapper().readTree(r.lastLine());
        assertEquals(1.0, json.get("max").asDouble());
        assertEquals(255.0, json.get("stored_max").asDouble());
        CliRunner.Result z = CliRunner.run("data", "show", "iris", "--scale", "zscore", "--json");
        assertEquals("scaling: z-score per feature (chosen)", firstLine(z));
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "a file, not a folder");
        CliRunner.Result r = CliRunner.run("train", "--data", "iris", "--epochs", "50", "--out", file.resolve("m.aem").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--out") && r.err().contains("plain.txt is a file"), r.err());
        assertFalse(r.out().contains("epoch"), "nothing was trained: " + r.out());
        CliRunner.Result folder = CliRunner.run("train", "--data", "iris", "--out", dir.toString());
        assertEquals(1, folder.code());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        CliRunner.Result png = CliRunner.run("compare", "--data", "iris", "--png", file.toString());
        assertEquals(1, png.code());
        assertTrue(png.err().contains("--png") && png.err().contains("not a folder"), png.err());
        CliRunner.Result recon = CliRunner.run("reconstruct", "--model", "x.aem", "--data", "iris", "--out",
                file.resolve("r.npy").toString());
        assertEquals(1, recon.code());
        assertTrue(recon.err().contains("--out"), "the output is checked before the model is read: " + recon.err());
    }

    @Test
    void compareOnClassesOfOneSampleSplitsBySamplesAndSaysSo() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,kind\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i % 3).append(',').append(i * 0.1).append(',').append(1 - i * 0.05).append(",c").append(i).append('\n');
        }
        Path f = Files.writeString(dir.resolve("singles.csv"), csv);
        // The text column is detected as the labels: ten classes of one sample each.
        CliRunner.Result r = CliRunner.run("compare", "--data", f.toString(), "--epochs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("split: split by samples, not by class: 20% of each class rounds to no test samples"),
                r.out());
        assertTrue(r.out().contains("8 train / 2 test samples"), r.out());
    }

    @Test
    void trainingWithoutValidationSamplesSaysSo() throws Exception {
        var spec = org.aeworkbench.engine.model.Presets.defaultFor(org.aeworkbench.engine.tensor.Shape.vector(4), false);
        String json = org.aeworkbench.engine.model.ModelSpecJson.toJson(spec).replaceAll("\"validationFraction\" : [0-9.]+",
                "\"validationFraction\" : 0.0");
        Path specFile = Files.writeString(dir.resolve("noval.json"), json);
        CliRunner.Result r = CliRunner.run("train", "--data", "iris", "--model", specFile.toString(), "--epochs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("150 train / 0 validation"), r.out());
        assertTrue(r.out().contains("validation: none (the design's validation fraction is 0.0)"), r.out());
    }

    @Test
    void heldOutDataOfAnotherWidthNamesBothFiles() throws Exception {
        Path wide = Files.writeString(dir.resolve("five.csv"), "a,b,c,d,e\n1,2,3,4,5\n6,7,8,9,10\n");
        CliRunner.Result r = CliRunner.run("train", "--data", "iris", "--val-data", wide.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--val-data " + wide) && r.err().contains("5 values per sample")
                && r.err().contains("--data iris has 4"), r.err());
        CliRunner.Result t = CliRunner.run("compare", "--data", "iris", "--test-data", wide.toString());
        assertEquals(1, t.code());
        assertTrue(t.err().contains("--test-data " + wide), t.err());
        assertEquals(2, CliRunner.run("train", "--data", "iris", "--val-labels", wide.toString()).code());
    }

    @Test
    void aTrainedModelKeepsItsPreparationAndAnOldOneLoadsAsNone() throws Exception {
        Path old = Path.of(getClass().getResource("/org/aeworkbench/fixtures/v1/data-iris-dense-before-preparation.aem").toURI());
        CliRunner.Result r = CliRunner.run("train", "--data", "iris", "--model", old.toString(), "--epochs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(firstLine(r).startsWith("scaling: none (recorded in data-iris-dense-before-preparation.aem: not recorded"),
                firstLine(r));
        Path model = dir.resolve("z.aem");
        assertEquals(0, CliRunner.run("train", "--data", "iris", "--scale", "zscore", "--epochs", "1", "--out", model.toString()).code());
        CliRunner.Result again = CliRunner.run("train", "--data", "iris", "--model", model.toString(), "--epochs", "1");
        assertEquals("scaling: z-score per feature (recorded in z.aem: chosen)", firstLine(again));
        CliRunner.Result other = CliRunner.run("train", "--data", "iris", "--model", model.toString(), "--scale", "minmax");
        assertEquals(2, other.code(), "a model applies the preparation it was trained with");
        assertTrue(other.err().contains("z.aem applies the preparation it was trained with"), other.err());
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--model", old.toString(), "--data", "iris", "--json");
        assertEquals(0, evaluate.code(), evaluate.err());
        assertEquals("none", new ObjectMapper().readTree(evaluate.lastLine()).get("scaling").asText());
    }
}
