package org.aeworkbench.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.cli.UserError;
import org.aeworkbench.engine.model.ModelSpecJson;

/** PyTorch's fidelity values (bench/pytorch/fidelity.py --json), looked up by workload name. */
record PytorchFidelity(JsonNode results) {

    static PytorchFidelity read(Path file) throws IOException {
        if (file == null) {
            return new PytorchFidelity(null);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file; produce it with 'python3 bench/pytorch/fidelity.py --json > FILE'");
        }
        JsonNode root = ModelSpecJson.mapper().readTree(file.toFile());
        if (!root.has("results")) {
            throw new UserError(file + ": no \"results\" object; is this the output of bench/pytorch/fidelity.py --json?");
        }
        return new PytorchFidelity(root.get("results"));
    }

    /** The value for a workload, or NaN. */
    double value(String name) {
        if (results == null || !results.has(name)) {
            return Double.NaN;
        }
        return results.get(name).path("value").asDouble(Double.NaN);
    }
}
