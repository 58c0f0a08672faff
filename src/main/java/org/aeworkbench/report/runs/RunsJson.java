package org.aeworkbench.report.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;

/**
 * Run records as JSON, the form a project file keeps them in ({@code "runs": [...]} in
 * project.json; docs/file-formats.md). A figure a run lacks (no validation samples) is left out
 * rather than written as NaN, and read back as NaN.
 */
public final class RunsJson {

    private RunsJson() {
    }

    public static ArrayNode write(List<RunRecord> runs) {
        ObjectMapper m = ModelSpecJson.mapper();
        ArrayNode array = m.createArrayNode();
        for (RunRecord r : runs) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.set("spec", m.valueToTree(r.spec()));
            ObjectNode d = o.putObject("data");
            d.put("source", r.data().source());
            d.put("limit", r.data().limit());
            d.put("subsetSeed", r.data().subsetSeed());
            d.put("scaling", r.data().scaling());
            d.put("preparation", r.data().preparation());
            d.put("trainSamples", r.data().trainSamples());
            d.put("validationSamples", r.data().validationSamples());
            ArrayNode epochs = o.putArray("epochs");
            for (RunEpoch e : r.epochs()) {
                ObjectNode eo = epochs.addObject();
                eo.put("x", e.x());
                number(eo, "train", e.train());
                number(eo, "validation", e.validation());
                number(eo, "validationError", e.validationError());
                ObjectNode terms = eo.putObject("terms");
                e.terms().forEach((k, v) -> number(terms, k, v));
            }
            o.put("outcome", r.outcome());
            o.put("seconds", r.seconds());
            o.put("blas", r.blas());
            o.put("started", r.started());
        }
        return array;
    }

    /**
     * Reads the runs a project holds; a project written before runs were recorded has none.
     *
     * @param origin names the file in messages
     * @throws IllegalArgumentException naming the run and field that cannot be read
     */
    public static List<RunRecord> read(JsonNode array, String origin) {
        List<RunRecord> runs = new ArrayList<>();
        if (array == null || array.isMissingNode() || array.isNull()) {
            return runs;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(origin + ": runs must be a list");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode o = array.get(i);
            String where = origin + ": runs[" + i + "]";
            ModelSpec spec;
            try {
                spec = ModelSpecJson.parse(o.path("spec").toString(), where + ".spec");
            } catch (SpecException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            JsonNode d = o.path("data");
            RunData data = new RunData(d.path("source").asText(""), d.path("limit").asInt(0), d.path("subsetSeed").asLong(42), d.path("scaling").asText("auto"),
                    d.path("preparation").asText(""), d.path("trainSamples").asInt(0), d.path("validationSamples").asInt(0));
            List<RunEpoch> epochs = new ArrayList<>();
            for (JsonNode e : o.path("epochs")) {
                Map<String, Double> terms = new HashMap<>();
                e.path("terms").fields().forEachRemaining(t -> terms.put(t.getKey(), t.getValue().asDouble(Double.NaN)));
                epochs.add(new RunEpoch(e.path("x").asDouble(), number(e, "train"), number(e, "validation"),
                        number(e, "validationError"), terms));
            }
            if (epochs.isEmpty()) {
                throw new IllegalArgumentException(where + ".epochs: a run holds at least one epoch; the project file is damaged");
            }
            runs.add(new RunRecord(o.path("id").asInt(i + 1), o.path("name").asText("run " + (i + 1)), spec, data, epochs,
                    o.path("outcome").asText("completed"), o.path("seconds").asDouble(Double.NaN), o.path("blas").asText(""),
                    o.path("started").asText("")));
        }
        return runs;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        }
    }

    private static double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
