package org.aeworkbench.report.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class RunsJsonTest {

    static RunRecord run(int id, String name, double validation) {
        return new RunRecord(id, name, Presets.get("sparse-kl", Shape.image(28, 28, 1)),
                new RunData("mnist", 2000, 42, "auto", "scaling: bytes / 255", 1800, 200),
                List.of(new RunEpoch(1, 0.30, validation, 21.5, Map.of("sparsity", 0.012)),
                        new RunEpoch(2, 0.25, validation / 2, 19.25, Map.of("sparsity", 0.010))),
                "completed", 3.5, "pure Java, 2 threads", "2026-12-05T03:00:00");
    }

    @Test
    void runsSurviveTheRoundTripAndAMissingFigureStaysMissing() throws Exception {
        List<RunRecord> runs = List.of(run(1, "plain", 0.4), run(3, "no validation", Double.NaN));
        ArrayNode json = RunsJson.write(runs);
        // Through text, as a project file holds it.
        JsonNode back = ModelSpecJson.mapper().readTree(json.toString());
        assertEquals(runs, RunsJson.read(back, "p.aewb"));
        assertTrue(!json.toString().contains("NaN"), "NaN is left out, not written: " + json);
    }

    @Test
    void aProjectSavedBeforeRunsWereKeptHasNone() {
        assertEquals(List.of(), RunsJson.read(ModelSpecJson.mapper().missingNode(), "old.aewb"));
    }

    @Test
    void aDamagedRunIsNamed() throws Exception {
        JsonNode bad = ModelSpecJson.mapper().readTree("[{\"id\":1,\"spec\":" + ModelSpecJson.mapper().writeValueAsString(
                run(1, "x", 0.4).spec()) + ",\"epochs\":[]}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunsJson.read(bad, "p.aewb"));
        assertTrue(e.getMessage().startsWith("p.aewb: runs[0].epochs: a run holds at least one epoch"), e.getMessage());
    }

    @Test
    void theCsvHasOneColumnPerFigureAndQuotesTextWithCommas() {
        String csv = RunsCsv.text(List.of(run(1, "plain, small", 0.4)));
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].endsWith(",train_loss,validation_loss,validation_squared_error,sparsity,epochs"), lines[0]);
        assertTrue(lines[1].startsWith("1,\"plain, small\",sparse-kl,mnist,2000,auto,scaling: bytes / 255,1800,200,adam,"), lines[1]);
        assertTrue(lines[1].endsWith(",0.25,0.2,19.25,0.01,2"), lines[1]);
    }
}
