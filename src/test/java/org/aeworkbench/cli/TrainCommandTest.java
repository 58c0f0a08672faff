package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    /** Runs the CLI in-process, capturing stdout and stderr. */
    static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            code = AeWorkbenchCommand.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

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
        String[] res = run("train", "--data", f.toString(), "--epochs", "3", "--json", "--out", model.toString());
        assertEquals("0", res[0], res[2]);
        String[] lines = res[1].trim().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(3, json.get("epochs").asInt());
        assertEquals(3, json.get("train_loss").size());
        assertEquals(3, json.get("val_loss").size());
        assertTrue(json.get("val_recon_error").asDouble() > 0);
        assertTrue(json.get("samples_per_second").asDouble() > 0);
        assertTrue(json.get("blas").asText().length() > 0);
        assertTrue(Files.size(model) > 0);
        // The saved model trains further from where it stopped.
        String[] again = run("train", "--data", f.toString(), "--model", model.toString(), "--epochs", "1", "--json");
        assertEquals("0", again[0], again[2]);
    }

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() {
        String[] res = run("train", "--data", "mnist", "--epochs", "many");
        assertEquals("2", res[0]);
        assertEquals(1, res[2].trim().split("\n").length, res[2]);
    }

    @Test
    void aMissingFileOrAnUnworkableDesignGivesOneLineAndExitCodeOne() {
        String[] missing = run("train", "--data", dir.resolve("nope.csv").toString());
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("nope.csv"), missing[2]);
        String[] tooLarge = run("train", "--data", "mnist", "--preset", "k-sparse", "--code-size", "10");
        assertEquals("1", tooLarge[0]);
        assertTrue(tooLarge[2].contains("kSparse.k"), tooLarge[2]);
    }
}
