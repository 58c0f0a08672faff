package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void comparesWithPcaOnHeldOutDataAndWritesThePictures() throws Exception {
        CliRunner.Result res = CliRunner.run("compare", "--data", "digits", "--epochs", "8", "--json", "--png", dir.toString());
        assertEquals(0, res.code(), res.err());
        String[] lines = res.out().trim().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(2, json.get("code_size").asInt());
        for (String method : new String[] {"ae", "pca"}) {
            JsonNode m = json.get(method);
            assertTrue(m.get("recon_error").asDouble() > 0, method);
            double knn = m.get("knn_accuracy").asDouble();
            assertTrue(knn > 0.1 && knn <= 1, method + " kNN " + knn);
            double tw = m.get("trustworthiness").asDouble();
            assertTrue(tw > 0.5 && tw <= 1, method + " trustworthiness " + tw);
        }
        assertTrue(json.get("pca").get("explained_variance").asDouble() > 0);
        assertTrue(Files.size(dir.resolve(ComparisonPictures.AE_SCATTER)) > 1000);
        assertTrue(Files.size(dir.resolve(ComparisonPictures.PCA_SCATTER)) > 1000);
        assertTrue(Files.size(dir.resolve(ComparisonPictures.GRID)) > 100);
    }

    /** A code wider than PCA can fit beside it (iris: 4 features) is refused before anything trains. */
    @Test
    void aCodeWiderThanPcaCanFitIsRefusedBeforeTraining() throws Exception {
        CliRunner.Result res = CliRunner.run("compare", "--data", "iris", "--code-size", "5", "--epochs", "1");
        assertEquals(1, res.code(), res.err());
        assertTrue(res.err().contains("is more than the 4 components PCA can fit beside it"), res.err());
        assertTrue(res.err().contains("choose --code-size 4 or less"), res.err());
        assertTrue(!res.out().contains("epoch"), "nothing trained: " + res.out());
    }
}
