package org.aeworkbench.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The optimiser's part of a spec file: each optimiser reads its own settings, files of version 1
 * (which hold every optimiser's fields whatever the kind) load as they trained, and what a file
 * leaves out takes the paper's default.
 */
class OptimizerSpecJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OptimizerSpec read(String json) throws Exception {
        return JSON.readValue(json, OptimizerSpec.class);
    }

    @Test
    void aVersionOneAdamWithEveryOptimisersFieldsKeepsItsOwn() throws Exception {
        OptimizerSpec o = read("{\"kind\": \"adam\", \"learningRate\": 0.002, \"momentum\": 0.5, \"beta1\": 0.8,"
                + " \"beta2\": 0.99, \"epsilon\": 1e-7, \"weightDecay\": 1e-4,"
                + " \"schedule\": {\"kind\": \"step\", \"gamma\": 0.5, \"every\": 3}}");
        assertEquals(new OptimizerSpec(OptimizerKind.ADAM, 0.002, 1e-4, new LearningRateSchedule(LearningRateSchedule.Kind.STEP,
                0.5, 3), new AdamSettings(0.8, 0.99, 1e-7)), o);
    }

    @Test
    void adamLeftOutTakesKingmaAndBasDefaults() throws Exception {
        OptimizerSpec o = read("{\"kind\": \"adam\", \"learningRate\": 0.001}");
        assertEquals(new AdamSettings(0.9, 0.999, 1e-8), o.settings());
        assertEquals(0, o.weightDecay());
        assertEquals(LearningRateSchedule.constant(), o.schedule());
        assertEquals(new AdamSettings(0.9, 0.5, 1e-8), read("{\"kind\": \"adam\", \"beta2\": 0.5}").settings());
    }

    @Test
    void eachOptimiserHasItsOwnDefaults() throws Exception {
        assertEquals(new SgdSettings(), read("{\"kind\": \"sgd\", \"momentum\": 0.9}").settings(), "plain SGD has none");
        assertEquals(new MomentumSettings(0.9), read("{\"kind\": \"momentum\"}").settings());
        assertEquals(new MomentumSettings(0.5), read("{\"kind\": \"nesterov\", \"momentum\": 0.5}").settings());
        assertEquals(new RmsPropSettings(0.9, 1e-8), read("{\"kind\": \"rmsprop\"}").settings());
        assertEquals(new AdaGradSettings(1e-8), read("{\"kind\": \"adagrad\"}").settings());
        assertEquals(OptimizerKind.ADAM, read("{}").kind(), "Adam when no kind is given");
    }

    @Test
    void rmsPropReadsItsDecayFromTheVersionOneName() throws Exception {
        assertEquals(new RmsPropSettings(0.999, 1e-8), read("{\"kind\": \"rmsprop\", \"beta2\": 0.999}").settings());
        assertEquals(new RmsPropSettings(0.95, 1e-8), read("{\"kind\": \"rmsprop\", \"beta2\": 0.999, \"decay\": 0.95}").settings());
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void aMissingLearningRateTakesTheKindsAndEveryKindRoundTrips(OptimizerKind kind) throws Exception {
        OptimizerSpec o = read("{\"kind\": \"" + kind.id() + "\"}");
        assertEquals(kind.defaultLearningRate(), o.learningRate());
        assertTrue(o.learningRate() > 0);
        assertEquals(o, read(JSON.writeValueAsString(o)));
        java.util.List<String> problems = new java.util.ArrayList<>();
        o.validate((field, message) -> problems.add(field));
        assertEquals(java.util.List.of(), problems, "the defaults are valid");
    }

    @Test
    void theFileHoldsOnlyTheChosenOptimisersSettings() throws Exception {
        String adam = JSON.writeValueAsString(OptimizerSpec.adam(1e-3));
        assertTrue(adam.contains("\"beta1\":0.9"), adam);
        assertFalse(adam.contains("momentum"), adam);
        String nesterov = JSON.writeValueAsString(OptimizerSpec.adam(1e-3).withKind(OptimizerKind.NESTEROV));
        assertTrue(nesterov.contains("\"kind\":\"nesterov\"") && nesterov.contains("\"momentum\":0.9"), nesterov);
        assertFalse(nesterov.contains("beta1"), nesterov);
    }

    @Test
    void aKeyNoOptimiserHasIsRefusedNamingTheKnownOnes() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> read("{\"kind\": \"adam\", \"beta_1\": 0.9}"));
        assertTrue(e.getOriginalMessage().contains("unknown field \"beta_1\""), e.getOriginalMessage());
        assertTrue(e.getOriginalMessage().contains("beta1, beta2, decay, epsilon, momentum"), e.getOriginalMessage());
        assertEquals("beta_1", e.getPath().get(0).getFieldName());
    }

    @Test
    void changingTheKindSwapsInThatKindsDefaults() {
        OptimizerSpec sgd = OptimizerSpec.adam(1e-3).withKind(OptimizerKind.MOMENTUM);
        assertEquals(new MomentumSettings(0.9), sgd.settings());
        assertEquals(1e-3, sgd.learningRate());
        assertEquals(new AdamSettings(0.9, 0.999, 1e-8), sgd.withKind(OptimizerKind.ADAM).settings());
    }
}
