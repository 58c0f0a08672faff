package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preparation record a model file keeps: written, read back bit for bit, and absent in older files. */
class PreparationTest {

    @TempDir
    Path dir;

    private static Dataset awkward() {
        SplittableRandom r = new SplittableRandom(11);
        float[] v = new float[50 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-8, 8)));
        }
        return new Dataset("awkward", Shape.vector(7), v, null, List.of(), "");
    }

    @Test
    void theRecordReadsBackBitForBit() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (ScaleChoice c : new ScaleChoice[] {ScaleChoice.NONE, ScaleChoice.DIVIDE_255, ScaleChoice.MIN_MAX, ScaleChoice.Z_SCORE}) {
            Preparation p = Preparation.fit(c, awkward(), ReconstructionLoss.MSE);
            JsonNode text = json.readTree(json.writeValueAsString(p.toJson()));
            Preparation back = Preparation.fromJson(text, "m.aem");
            assertEquals(p, back, c.id());
            assertEquals(c.id(), text.get("scaling").asText());
            assertArrayEquals(p.apply(awkward()).values(), back.apply(awkward()).values(), 0f);
        }
    }

    @Test
    void aFileWithoutARecordIsNone() {
        Preparation p = Preparation.fromJson(MissingNode.getInstance(), "old.aem");
        assertEquals(Scaling.NONE, p.scaling());
        assertTrue(p.reason().contains("predates"), p.reason());
    }

    @Test
    void aDamagedRecordIsRefusedNamingTheFileAndField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] bad = {
            "{\"scaling\": \"cubic\"}",
            "{\"scaling\": \"auto\"}",
            "{\"scaling\": \"minmax\", \"offset\": [0, 1], \"scale\": [1]}",
            "{\"scaling\": \"zscore\", \"offset\": [0], \"scale\": [0]}",
            "{\"scaling\": \"255\", \"offset\": \"x\", \"scale\": [255]}",
        };
        for (String b : bad) {
            DataException e = assertThrows(DataException.class, () -> Preparation.fromJson(json.readTree(b), "m.aem"), b);
            assertTrue(e.getMessage().startsWith("m.aem: damaged preparation record"), e.getMessage());
        }
    }

    @Test
    void aTrainedModelAppliesItsRecordAndChecksTheWidth() throws Exception {
        Dataset bytes = new Dataset("b", Shape.vector(4), new float[] {0, 255, 51, 102, 5, 5, 5, 5}, null, List.of(), "", true);
        var spec = org.aeworkbench.engine.model.Presets.defaultFor(Shape.vector(4), true);
        var model = org.aeworkbench.engine.model.ModelBuilder.build(spec, Shape.vector(4));
        Preparation p = Preparation.fit(ScaleChoice.AUTO, bytes, spec.loss());
        Path file = dir.resolve("m.aem");
        ModelFile.save(file, model, null, p.toJson());
        TrainedModel t = TrainedModel.load(file);
        assertTrue(t.recorded());
        assertEquals("scaling: divide by 255 (recorded in m.aem: auto: unsigned bytes)", t.preparation().line());
        assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f}, java.util.Arrays.copyOf(t.prepare(bytes, "b.npy").values(), 4), 1e-7f);
        Dataset wide = new Dataset("w", Shape.vector(5), new float[5], null, List.of(), "");
        DataException e = assertThrows(DataException.class, () -> t.prepare(wide, "w.csv"));
        assertTrue(e.getMessage().startsWith("w.csv: 5 values per sample") && e.getMessage().contains(file + " takes 4"),
                e.getMessage());
        assertTrue(t.unitsWarning(new Dataset("u", Shape.vector(4), new float[] {0, 1, 0.5f, 0}, null, List.of(), ""), "u.csv")
                .contains("divides by 255"));
        assertEquals(null, t.unitsWarning(bytes, "b.npy"));
    }

    @Test
    void aModelFileWrittenBeforePreparationsWereRecordedLoadsAsNone() throws Exception {
        Path old = Path.of(PreparationTest.class.getResource("/org/aeworkbench/fixtures/v1/data-iris-dense-before-preparation.aem").toURI());
        TrainedModel t = TrainedModel.load(old);
        assertFalse(t.recorded());
        assertEquals(Scaling.NONE, t.preparation().scaling());
        assertEquals("scaling: none (recorded in data-iris-dense-before-preparation.aem: not recorded: the file predates"
                + " recorded preparations)", t.preparation().line());
        Dataset iris = DatasetRegistry.load("iris");
        assertEquals(iris.values(), t.prepare(iris, "iris").values(), "none leaves the values as they are");
        assertEquals(4, t.inputWidth());
    }
}
