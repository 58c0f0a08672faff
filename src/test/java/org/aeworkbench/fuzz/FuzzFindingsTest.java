package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * What the fuzzers found in classes whose own tests live elsewhere, pinned as plain tests that
 * say what the right behaviour is (the raw inputs also stay in the fuzz corpora). Findings in
 * the data loaders and model files are pinned next to those classes' tests instead.
 */
class FuzzFindingsTest {

    @Test
    void klSparsityWithoutAnEncoderIsAProblemNotACrash() {
        // SpecJsonFuzzTestInputs/specJson/kl-sparsity-without-encoder.json: the validator looked up
        // encoder layer -1 when the design had no encoder.
        ModelSpec spec = ModelSpecJson.parse("{\"decoder\": [{\"type\": \"dense\", \"units\": 4}],"
                + " \"sparsity\": {\"kind\": \"kl\", \"weight\": 3.0, \"rho\": 0.05, \"layer\": -1}}", "spec.json");
        List<SpecProblem> problems = SpecValidator.validate(spec, Shape.vector(4), null);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("encoder")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("sparsity.layer")), problems.toString());
    }
}
