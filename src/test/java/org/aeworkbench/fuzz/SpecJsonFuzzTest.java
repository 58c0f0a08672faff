package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Timeout;

/**
 * Model spec JSON, as opened from a file or pasted into the designer. A spec that parses must
 * also survive the validator (which lists problems, never throws), and a spec the validator
 * accepts must save and reopen unchanged: a design the user could build is a design they can
 * keep. Seeds: {@code SpecJsonFuzzTestInputs/}, every preset.
 */
class SpecJsonFuzzTest {

    /** Jackson builds a tree and records from text: a few dozen bytes per byte of input. */
    private static final long BYTES_PER_INPUT_BYTE = 256;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void specJson(byte[] data) throws Exception {
        String json = new String(data, StandardCharsets.UTF_8);
        ModelSpec spec = ParserContract.parse(data, SpecException.class, BYTES_PER_INPUT_BYTE,
                () -> ModelSpecJson.parse(json, "fuzz.json"));
        if (spec == null) {
            return;
        }
        // Checked against the data a design is most likely meant for: vectors as wide as its
        // output, and MNIST-shaped images for convolutional designs.
        for (Shape input : List.of(Shape.vector(outputWidth(spec)), Shape.image(28, 28, 1))) {
            SpecValidator.rows(spec, input);
            SpecValidator.parameterCount(spec, input);
            List<SpecProblem> problems = SpecValidator.validate(spec, input, null);
            if (problems.isEmpty()) {
                assertEquals(spec, ModelSpecJson.parse(ModelSpecJson.toJson(spec), "saved spec"),
                        "a valid spec reopens unchanged");
            }
        }
    }

    /** The input width the design reproduces (its last layer's units), so more fuzzed designs are valid. */
    private static int outputWidth(ModelSpec spec) {
        List<LayerSpec> decoder = spec.decoder();
        int units = decoder.isEmpty() ? -1 : decoder.get(decoder.size() - 1).units();
        return units >= 1 ? units : 784;
    }
}
