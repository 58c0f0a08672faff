package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsFromACsvFileAndEndsWithTheJsonSummary() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double t = r.nextDouble();
            csv.append(t).append(',').append(1 - t).append(',').append(t * t).append(',').append(0.5).append('\n');
        }
        Path f = dir.resolve("points.csv");
        Files.writeString(f, csv);
        Path model = dir.resolve("m.aem");
        CliRunner.Result res = CliRunner.run("train", "--data", f.toString(), "--epochs", "3", "--json", "--out", model.toString());
        assertEquals(0, res.code(), res.err());
        String[] lines = res.out().trim().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(3, json.get("epochs").asInt());
        assertEquals(3, json.get("train_loss").size());
        assertEquals(3, json.get("val_loss").size());
        assertTrue(json.get("val_recon_error").asDouble() > 0);
        assertTrue(json.get("samples_per_second").asDouble() > 0);
        assertTrue(json.get("blas").asText().length() > 0);
        assertTrue(Files.size(model) > 0);
        // The saved model trains further from where it stopped.
        CliRunner.Result again = CliRunner.run("train", "--data", f.toString(), "--model", model.toString(), "--epochs", "1", "--json");
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() {
        CliRunner.Result res = CliRunner.run("train", "--data", "mnist", "--epochs", "many");
        assertEquals(2, res.code());
        assertEquals(1, res.err().trim().split("\n").length, res.err());
    }

    @Test
    void aMissingFileOrAnUnworkableDesignGivesOneLineAndExitCodeOne() {
        CliRunner.Result missing = CliRunner.run("train", "--data", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.csv"), missing.err());
        CliRunner.Result tooLarge = CliRunner.run("train", "--data", "mnist", "--preset", "k-sparse", "--code-size", "10");
        assertEquals(1, tooLarge.code());
        assertTrue(tooLarge.err().contains("kSparse.k"), tooLarge.err());
    }
}
