package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validator refuses a value outside its valid range, naming the field and the range: each
 * row is one value put into an otherwise valid design (64 inputs, a 16-unit sigmoid code).
 */
class SpecRangesTest {

    private static final Shape INPUT = Shape.vector(64);
    private static final String LAYERS = "\"encoder\": [{\"type\": \"dense\", \"units\": 16, \"activation\": \"sigmoid\"}],"
            + " \"decoder\": [{\"type\": \"dense\", \"units\": 64, \"activation\": \"sigmoid\"}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"optimizer\": {\"kind\": \"adam\", \"beta1\": 1}                  | optimizer.beta1        | [0, 1)",
        "\"optimizer\": {\"kind\": \"adam\", \"beta2\": -0.1}               | optimizer.beta2        | [0, 1)",
        "\"optimizer\": {\"kind\": \"adam\", \"epsilon\": 0}                | optimizer.epsilon      | above 0",
        "\"optimizer\": {\"kind\": \"rmsprop\", \"decay\": 1}               | optimizer.decay        | [0, 1)",
        "\"optimizer\": {\"kind\": \"adagrad\", \"epsilon\": -1e-8}         | optimizer.epsilon      | above 0",
        "\"optimizer\": {\"kind\": \"momentum\", \"momentum\": 1.5}         | optimizer.momentum     | [0, 1)",
        "\"optimizer\": {\"learningRate\": 0}                               | optimizer.learningRate | positive",
        "\"optimizer\": {\"learningRate\": 1e999}                           | optimizer.learningRate | positive",
        "\"optimizer\": {\"weightDecay\": -1}                               | optimizer.weightDecay  | >= 0",
        "\"optimizer\": {\"schedule\": {\"kind\": \"step\", \"gamma\": 0}}  | optimizer.schedule.gamma | above 0",
        "\"optimizer\": {\"schedule\": {\"kind\": \"step\", \"every\": 0}}  | optimizer.schedule.every | at least 1",
        "\"training\": {\"batchSize\": 0}                                   | training.batchSize     | at least 1",
        "\"training\": {\"epochs\": 0}                                      | training.epochs        | at least 1",
        "\"training\": {\"epochs\": 2147483647}                             | training.epochs        | at most 1000000",
        "\"training\": {\"threads\": -1}                                    | training.threads       | up to 1024",
        "\"training\": {\"validationFraction\": 1}                          | training.validationFraction | [0, 1)",
        "\"training\": {\"patience\": -1}                                   | training.patience      | 0",
        "\"training\": {\"clipNorm\": -1}                                   | training.clipNorm      | >= 0",
        "\"sparsity\": {\"kind\": \"kl\", \"rho\": 1}                       | sparsity.rho           | between 0 and 1",
        "\"sparsity\": {\"weight\": -1}                                     | sparsity.weight        | >= 0",
        "\"kSparse\": {\"k\": 0}                                            | kSparse.k              | between 1 and the code size 16",
        "\"kSparse\": {\"k\": 17}                                           | kSparse.k              | between 1 and the code size 16",
        "\"noise\": {\"kind\": \"masking\", \"level\": 1.5}                 | noise.level            | [0, 1]",
        "\"noise\": {\"kind\": \"gaussian\", \"level\": -1}                 | noise.level            | >= 0",
        "\"contractive\": {\"weight\": -1}                                  | contractive.weight     | >= 0",
        "\"variational\": {\"beta\": -1}                                    | variational.beta       | >= 0",
        "\"variational\": {\"warmupEpochs\": -1}                            | variational.warmupEpochs | 0",
        "\"stacked\": {\"pretrainEpochs\": 0}                               | stacked.pretrainEpochs | at least 1",
    })
    void aValueOutOfRangeIsRefusedNamingTheFieldAndTheRange(String part, String field, String range) {
        ModelSpec spec = ModelSpecJson.parse("{" + LAYERS + ", " + part + "}", "test.json");
        List<SpecProblem> problems = SpecValidator.validate(spec, INPUT, true);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(field, problems.get(0).field());
        assertTrue(problems.get(0).message().contains(range), problems.get(0).message());
    }
}
