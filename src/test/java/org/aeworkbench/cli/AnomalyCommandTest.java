package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.aeworkbench.analysis.ranking.Auroc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyCommandTest {

    @TempDir
    Path dir;

    private static JsonNode json(CliRunner.Result r) throws IOException {
        return new ObjectMapper().readTree(r.lastLine());
    }

    @Test
    void oneRunScoresHeldOutSamplesWithBothDetectorsAndWritesTheScores() throws Exception {
        Path csv = dir.resolve("scores.csv");
        CliRunner.Result r = CliRunner.run("anomaly", "--data", "blobs", "--normal", "blob 1,blob 2", "--epochs", "5",
                "--seed", "1", "--json", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r);
        assertEquals(List.of("blob 1", "blob 2"), List.of(j.get("normal").get(0).asText(), j.get("normal").get(1).asText()));
        assertEquals(400, j.get("train_samples").asInt()); // 1,000 blobs, 20% held out, 2 of 4 classes normal
        assertEquals(200, j.get("test_samples").asInt());
        assertEquals(0.5, j.get("anomaly_fraction").asDouble(), 0.0);
        for (String method : new String[] {"ae", "pca"}) {
            for (String key : new String[] {"auroc", "auprc", "best_f1", "threshold_at_best_f1"}) {
                assertTrue(j.get(method).get(key).isNumber(), method + "." + key + " in " + r.lastLine());
            }
        }
        // The blobs lie far apart: PCA's plane through the two normal blobs leaves the others far off it.
        assertTrue(j.get("pca").get("auroc").asDouble() > 0.95, r.lastLine());
        assertTrue(r.out().contains("blob 3"), "the per-class table names the classes:\n" + r.out());

        // The file holds the scores the figures were computed from.
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,label,ae_score,pca_score", lines.get(0));
        assertEquals(201, lines.size());
        double[] ae = new double[200];
        double[] pca = new double[200];
        boolean[] anomalous = new boolean[200];
        for (int i = 0; i < 200; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(i, Integer.parseInt(f[0]));
            anomalous[i] = !f[1].equals("blob 1") && !f[1].equals("blob 2");
            ae[i] = Double.parseDouble(f[2]);
            pca[i] = Double.parseDouble(f[3]);
        }
        assertEquals(j.get("ae").get("auroc").asDouble(), Auroc.of(ae, anomalous), 0.0);
        assertEquals(j.get("pca").get("auroc").asDouble(), Auroc.of(pca, anomalous), 0.0);
    }

    @Test
    void eachClassRunsTheOneClassProtocolAndAveragesOverClasses() throws Exception {
        Path csv = dir.resolve("each.csv");
        CliRunner.Result r = CliRunner.run("anomaly", "--data", "blobs:n=400", "--each-class", "--epochs", "2", "--seed", "1",
                "--json", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r);
        JsonNode classes = j.get("classes");
        assertEquals(4, classes.size());
        double sum = 0;
        for (int c = 0; c < 4; c++) {
            JsonNode row = classes.get(c);
            assertEquals("blob " + (c + 1), row.get("normal").asText());
            assertEquals(80, row.get("train_samples").asInt());
            for (String key : new String[] {"auroc", "auprc", "best_f1", "threshold_at_best_f1"}) {
                assertTrue(row.get("ae").get(key).isNumber() && row.get("pca").get(key).isNumber(), key + " in " + row);
            }
            sum += row.get("ae").get("auroc").asDouble();
        }
        assertEquals(sum / 4, j.get("mean").get("ae").get("auroc").asDouble(), 1e-12);
        assertTrue(j.get("mean").get("pca").get("auprc").isNumber());
        assertTrue(r.out().contains("mean"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("normal,index,label,ae_score,pca_score", lines.get(0));
        assertEquals(1 + 4 * 80, lines.size());
        assertTrue(lines.get(1).startsWith("blob 1,0,"), lines.get(1));
    }

    /** A CSV of n samples, 4 features, and a labels file: class a near 0, class b near 5. */
    private Path[] table(String name, String... labels) throws IOException {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        StringBuilder data = new StringBuilder("f1,f2,f3,f4\n");
        for (String l : labels) {
            for (int j = 0; j < 4; j++) {
                data.append(String.format(Locale.ROOT, "%.4f", (l.equals("a") ? 0 : 5) + random.nextGaussian())).append(j < 3 ? "," : "\n");
            }
        }
        Path d = Files.writeString(dir.resolve(name + ".csv"), data);
        Path l = Files.writeString(dir.resolve(name + "-labels.txt"), String.join("\n", labels) + "\n");
        return new Path[] {d, l};
    }

    private CliRunner.Result runOn(Path[] train, Path[] test, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("anomaly", "--data", train[0].toString(), "--labels", train[1].toString(),
                "--test-data", test[0].toString(), "--test-labels", test[1].toString(), "--epochs", "1"));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void badInputIsRefusedBeforeTrainingSayingWhich() throws Exception {
        Path[] train = table("train", "a", "b", "b", "b", "a", "b");
        Path[] test = table("test", "a", "b", "a", "b");
        Path[] onlyA = table("only-a", "a", "a", "a");

        CliRunner.Result r = runOn(train, test, "--normal", "c");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("there is no class 'c'; the classes are a, b"), r.err());

        r = runOn(table("one-a", "a", "b", "b", "b"), test, "--normal", "a");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the normal set (a) has 1 training sample; training needs at least 2"), r.err());

        r = runOn(train, onlyA, "--normal", "a");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the test set has no anomalies"), r.err());

        r = runOn(train, onlyA, "--normal", "b");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the test set has no normal samples"), r.err());

        r = runOn(train, test, "--normal", "a", "--score", "elbo");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--score elbo needs a variational design"), r.err());

        for (CliRunner.Result bad : List.of(runOn(train, test), runOn(train, test, "--normal", "a", "--each-class"),
                runOn(train, test, "--normal", "a", "--score", "likelihood"), runOn(train, test, "--normal", "a", "--test-fraction", "0.3"))) {
            assertEquals(2, bad.code(), bad.err());
        }
        r = runOn(train, table("only-b", "b", "b"), "--each-class");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the normal set (a)") || r.err().contains("the test set has no normal samples"), r.err());
        assertFalse(r.out().contains("epoch"), "nothing trained:\n" + r.out());
    }

    @Test
    void withoutLabelsTheScoresAreStillComputedAndWrittenAndTheCommandSaysWhyThereIsNoAuroc() throws Exception {
        Path[] train = table("u-train", "a", "a", "a", "a", "a", "a", "a", "a", "b");
        Path[] test = table("u-test", "a", "a", "b");
        Path csv = dir.resolve("u.csv");
        CliRunner.Result r = CliRunner.run("anomaly", "--data", train[0].toString(), "--test-data", test[0].toString(),
                "--normal", "all", "--epochs", "1", "--json", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("need labels"), r.out());
        assertTrue(r.out().contains("highest autoencoder scores"), r.out());
        JsonNode j = json(r);
        assertTrue(j.get("ae").get("auroc").isNull());
        assertTrue(j.get("anomaly_fraction").isNull());
        assertEquals(9, j.get("train_samples").asInt());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).startsWith("2,,"), lines.get(3));
        for (int i = 1; i <= 3; i++) {
            String[] f = lines.get(i).split(",");
            assertEquals(4, f.length, lines.get(i));
            assertTrue(Double.parseDouble(f[2]) >= 0 && Double.parseDouble(f[3]) >= 0, lines.get(i));
        }
    }
}
