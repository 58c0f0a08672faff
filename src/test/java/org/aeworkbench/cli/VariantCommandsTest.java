package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial and RBM presets by name through {@code train}, {@code encode} and {@code compare},
 * on 784-feature IDX files of bytes 0-255 written here (data the repository does not hold, scaled by
 * {@code --scale auto}), one short epoch each.
 */
class VariantCommandsTest {

    @TempDir
    static Path dir;

    private static Path images;
    private static Path labels;

    /** 300 digits as ubyte IDX images (bytes 0-255, as the published files), and their labels. */
    @BeforeAll
    static void writeIdx() throws IOException {
        Dataset digits = TestModels.mnist(300);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x0803);
        out.writeInt(300);
        out.writeInt(28);
        out.writeInt(28);
        for (float v : digits.values()) {
            out.writeByte(Math.round(v * 255));
        }
        images = Files.write(dir.resolve("digits-images.idx"), b.toByteArray());
        ByteArrayOutputStream l = new ByteArrayOutputStream();
        DataOutputStream lo = new DataOutputStream(l);
        lo.writeInt(0x0801);
        lo.writeInt(300);
        for (int y : digits.labels()) {
            lo.writeByte(y);
        }
        labels = Files.write(dir.resolve("digits-labels.idx"), l.toByteArray());
    }

    private static JsonNode json(CliRunner.Result r) throws IOException {
        return new ObjectMapper().readTree(r.lastLine());
    }

    @Test
    void theSupervisedMixtureRefusesDataWithoutLabelsInOneLine() {
        CliRunner.Result r = CliRunner.run("train", "--preset", "aae-mixture", "--data", images.toString(), "--scale", "auto",
                "--epochs", "1");
        assertEquals(1, r.code(), r.out());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        assertTrue(r.err().contains("adversarial: the supervised-mixture prior puts each class on its own component, so"
                + " it needs class labels") && r.err().contains("--labels FILE"), r.err());
    }

    @Test
    void theAdversarialPresetsTrainAndReportTheirCurves() throws IOException {
        for (String preset : new String[] {"aae-gaussian", "aae-mixture"}) {
            Path model = dir.resolve(preset + ".aem");
            CliRunner.Result r = CliRunner.run("train", "--preset", preset, "--data", images.toString(), "--labels",
                    labels.toString(), "--scale", "auto", "--epochs", "1", "--json", "--out", model.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("accuracy on codes"), r.out());
            JsonNode metrics = json(r).get("train_metrics");
            for (String m : new String[] {"discriminator", "generator", "accuracy on prior", "accuracy on codes"}) {
                assertEquals(1, metrics.get(m).size(), preset + " " + m);
            }
            assertEquals("train", json(r).get("stages").get(0).get("name").asText());
            Path codes = dir.resolve(preset + "-codes.csv");
            CliRunner.Result encoded = CliRunner.run("encode", "--model", model.toString(), "--data", images.toString(),
                    "--out", codes.toString());
            assertEquals(0, encoded.code(), encoded.err());
            assertTrue(Files.readAllLines(codes).size() >= 300, "a code per sample");
        }
        CliRunner.Result compare = CliRunner.run("compare", "--preset", "aae-mixture", "--data", images.toString(),
                "--labels", labels.toString(), "--scale", "auto", "--epochs", "1", "--json");
        assertEquals(0, compare.code(), compare.err());
        assertEquals(2, json(compare).get("code_size").asInt());
    }

    @Test
    void rbmPretrainingNamesEachStageAndItsFigures() throws IOException {
        CliRunner.Result r = CliRunner.run("train", "--preset", "hinton-2006-rbm", "--data", images.toString(), "--scale",
                "auto", "--epochs", "1", "--json");
        assertEquals(0, r.code(), r.err());
        for (int i = 1; i <= 4; i++) {
            assertTrue(r.out().contains("rbm " + i + "/4 epoch 1/10  train "), r.out());
        }
        assertTrue(r.out().contains("fine-tune epoch 1/1  train "), r.out());
        JsonNode stages = json(r).get("stages");
        assertEquals(5, stages.size());
        assertEquals("rbm 3/4", stages.get(2).get("name").asText());
        assertEquals(10, stages.get(2).get("epochs").asInt());
        assertEquals(10, stages.get(2).get("train_metrics").get("free energy gap").size());
        assertEquals("fine-tune", stages.get(4).get("name").asText());
        assertEquals(1, stages.get(4).get("val_recon_error").size());
        CliRunner.Result compare = CliRunner.run("compare", "--preset", "hinton-2006-rbm", "--data", images.toString(),
                "--scale", "auto", "--epochs", "1", "--json");
        assertEquals(0, compare.code(), compare.err());
        assertEquals(30, json(compare).get("code_size").asInt());
    }
}
