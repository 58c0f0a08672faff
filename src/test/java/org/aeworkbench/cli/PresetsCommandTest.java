package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class PresetsCommandTest {

    @Test
    void listsEveryPresetAndPrintsOneAsASpecSizedToTheData() {
        CliRunner.Result list = CliRunner.run("presets");
        assertEquals(0, list.code(), list.err());
        for (String name : Presets.names()) {
            assertTrue(list.out().contains(name), name);
        }
        CliRunner.Result one = CliRunner.run("presets", "keras-deep", "--data", "iris", "--code-size", "2");
        assertEquals(0, one.code(), one.err());
        ModelSpec spec = ModelSpecJson.parse(one.out(), "output");
        assertEquals(Presets.get("keras-deep", Shape.vector(4)).withCodeSize(2), spec);
    }

    @Test
    void anUnknownPresetIsNamedWithTheChoices() {
        CliRunner.Result r = CliRunner.run("presets", "nope");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown preset 'nope'") && r.err().contains("keras-simple"), r.err());
    }
}
