package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrieve}, {@code cluster} and {@code probe} end to end on the bundled 8 x 8 digits, and their refusals. */
class ApplicationCommandsTest {

    @TempDir
    Path dir;

    private static JsonNode json(CliRunner.Result res) throws Exception {
        assertEquals(0, res.code(), res.err());
        return new ObjectMapper().readTree(res.lastLine());
    }

    private static void assertScore(JsonNode method, String key) {
        double v = method.get(key).asDouble();
        assertTrue(v > 0 && v <= 1, key + " = " + v);
    }

    /** 120 unlabelled points on a curve in 4-D. */
    private Path unlabelled(String name, int width) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < width; j++) {
            csv.append(j == 0 ? "" : ",").append("f").append(j);
        }
        csv.append('\n');
        java.util.SplittableRandom r = new java.util.SplittableRandom(width);
        for (int i = 0; i < 120; i++) {
            double t = r.nextDouble();
            for (int j = 0; j < width; j++) {
                csv.append(j == 0 ? "" : ",").append(Math.sin(t * (j + 1)));
            }
            csv.append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void retrieveScoresCodesPcaAndPixels() throws Exception {
        JsonNode j = json(CliRunner.run("retrieve", "--data", "digits", "--test-data", "digits", "--code-size", "8",
                "--epochs", "2", "--seed", "1", "--json"));
        for (String m : new String[] {"ae", "pca", "raw"}) {
            assertScore(j.get(m), "map");
            assertScore(j.get(m), "precision_at_100");
        }
        assertEquals(8, j.get("pca").get("width").asInt());
        assertEquals(64, j.get("raw").get("width").asInt());
    }

    @Test
    void retrieveWithBitsScoresTheBinaryCodeAgainstPcahLshAndItq() throws Exception {
        JsonNode j = json(CliRunner.run("retrieve", "--data", "digits", "--test-data", "digits", "--bits", "12",
                "--epochs", "2", "--seed", "1", "--json"));
        for (String m : new String[] {"ae", "pca", "lsh", "itq"}) {
            assertScore(j.get(m), "map");
            assertScore(j.get(m), "precision_at_100");
            assertEquals(12, j.get(m).get("bits").asInt());
        }
        assertEquals("PCAH", j.get("pca").get("method").asText());
    }

    @Test
    void bitsOutsideOneTo64AreRefusedBeforeLoadingOrTraining() {
        for (String b : new String[] {"0", "65"}) {
            CliRunner.Result res = CliRunner.run("retrieve", "--data", "digits", "--test-data", "digits", "--bits", b);
            assertEquals(2, res.code());
            assertTrue(res.err().contains("--bits must be between 1 and 64") && res.err().contains("got " + b), res.err());
            assertFalse(res.out().contains("epoch"));
        }
        assertEquals(2, CliRunner.run("retrieve", "--data", "digits", "--test-data", "digits", "--bits", "8",
                "--code-size", "8").code(), "--bits and --code-size together");
    }

    @Test
    void retrieveRefusesQueriesOfAnotherWidthNamingBoth() {
        CliRunner.Result res = CliRunner.run("retrieve", "--data", "digits", "--test-data", "iris", "--epochs", "1");
        assertEquals(1, res.code());
        assertTrue(res.err().contains("4 values per sample") && res.err().contains("has 64"), res.err());
        assertFalse(res.out().contains("epoch"), "refused before training");
        assertEquals(2, CliRunner.run("retrieve", "--data", "digits").code(), "queries are required");
    }

    @Test
    void retrieveWithoutLabelsListsNeighboursAndSaysWhatIsMissing() throws Exception {
        Path db = unlabelled("db.csv", 4);
        CliRunner.Result res = CliRunner.run("retrieve", "--data", db.toString(), "--test-data", db.toString(),
                "--code-size", "2", "--epochs", "1", "--json");
        JsonNode j = json(res);
        assertTrue(j.get("ae").get("map").isNull());
        assertTrue(res.out().contains("autoencoder, query 0: nearest database rows (from 0) ["), res.out());
        assertEquals(1, res.out().lines().filter(l -> l.contains("need labels")).count(), res.out());
    }

    @Test
    void clusterScoresEachRepresentationAndDec() throws Exception {
        JsonNode j = json(CliRunner.run("cluster", "--data", "digits", "--clusters", "10", "--code-size", "6",
                "--epochs", "2", "--dec", "--dec-epochs", "1", "--seed", "1", "--json"));
        for (String m : new String[] {"ae", "pca", "raw", "dec"}) {
            assertScore(j.get(m), "acc");
            assertScore(j.get(m), "nmi");
            assertTrue(j.get(m).get("ari").asDouble() > 0, m);
            assertEquals(10, j.get(m).get("cluster_sizes").size());
        }
        assertEquals("train", j.get("on").asText());
    }

    @Test
    void clusterRefusesMoreClustersThanSamplesBeforeTraining() {
        CliRunner.Result res = CliRunner.run("cluster", "--data", "iris", "--clusters", "151", "--epochs", "1");
        assertEquals(2, res.code());
        assertTrue(res.err().contains("--clusters 151") && res.err().contains("150 samples"), res.err());
        assertFalse(res.out().contains("epoch"), "refused before training");
    }

    @Test
    void clusterWithoutLabelsStillClustersAndSaysSoInOneLine() throws Exception {
        Path f = unlabelled("points.csv", 4);
        CliRunner.Result res = CliRunner.run("cluster", "--data", f.toString(), "--clusters", "3", "--code-size", "2",
                "--epochs", "1", "--json");
        JsonNode j = json(res);
        assertTrue(j.get("ae").get("acc").isNull());
        assertEquals(3, j.get("ae").get("cluster_sizes").size());
        assertEquals(1, res.out().lines().filter(l -> l.contains("need labels")).count(), res.out());
    }

    @Test
    void probeReportsAccuracyForEachRepresentation() throws Exception {
        JsonNode j = json(CliRunner.run("probe", "--data", "digits", "--test-data", "digits", "--code-size", "8",
                "--epochs", "2", "--labels-used", "100", "--json"));
        for (String m : new String[] {"ae", "pca", "raw"}) {
            assertScore(j.get(m), "accuracy");
        }
        assertEquals(100, j.get("labels_used").asInt());
        // Pixels of 8 x 8 digits are nearly linearly separable.
        assertTrue(j.get("raw").get("accuracy").asDouble() > 0.8, j.toString());
    }

    @Test
    void aTestFractionHoldsOutAStratifiedShareOfTheData() throws Exception {
        JsonNode p = json(CliRunner.run("probe", "--data", "digits", "--test-fraction", "0.2", "--code-size", "8",
                "--epochs", "1", "--json"));
        assertEquals(359, p.get("test_samples").asInt(), "a fifth of each of the ten classes of 1,797 digits");
        assertEquals(1797 - 359, p.get("train_samples").asInt());
        JsonNode c = json(CliRunner.run("cluster", "--data", "digits", "--test-fraction", "0.2", "--clusters", "10",
                "--code-size", "4", "--epochs", "1", "--json"));
        assertEquals("test", c.get("on").asText());
        assertEquals(359, c.get("samples").asInt());
        assertEquals(2, CliRunner.run("probe", "--data", "digits", "--test-data", "digits", "--test-fraction", "0.2")
                .code(), "both ways at once");
        assertEquals(2, CliRunner.run("retrieve", "--data", "digits", "--test-fraction", "1.5").code());
    }

    @Test
    void probeWithoutLabelsIsAUsageError() throws Exception {
        Path f = unlabelled("points.csv", 4);
        CliRunner.Result res = CliRunner.run("probe", "--data", f.toString(), "--test-data", f.toString(), "--epochs", "1");
        assertEquals(2, res.code());
        assertTrue(res.err().contains("needs labels") && res.err().contains("--labels"), res.err());
    }
}
