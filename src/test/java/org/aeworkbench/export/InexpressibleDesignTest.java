package org.aeworkbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.engine.conv.ReshapeLayer;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.SpatialSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.export.onnx.OnnxExport;
import org.aeworkbench.export.pytorch.PytorchExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A design with a layer kind the exporters have no translation for is refused, naming the layer and why. */
class InexpressibleDesignTest {

    /** A layer kind the engine can build (an identity) but no exporter knows. */
    record Shuffle() implements SpatialSpec {
        @Override
        public String kind() {
            return "Shuffle";
        }

        @Override
        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public Layer build(String name, Shape input) {
            return new ReshapeLayer(kind(), input, input);
        }

        @Override
        public LayerSpec mirror(Shape input, Activation activation) {
            return this;
        }
    }

    @TempDir
    Path dir;

    @Test
    void anUnknownLayerIsNamedWithTheReasonByBothExporters() {
        Shape six = Shape.vector(6);
        ModelSpec spec = ModelSpec.of("odd", List.of(new DenseSpec(4, Activation.RELU), new Shuffle(),
                new DenseSpec(2, Activation.IDENTITY)), List.of(new DenseSpec(6, Activation.SIGMOID)), ReconstructionLoss.MSE);
        Autoencoder model = ModelBuilder.build(spec, six);
        SpecException py = assertThrows(SpecException.class,
                () -> PytorchExport.write(model, true, dir.resolve("p"), "odd.aem", Preprocessing.none()));
        assertEquals("encoder[1]", py.field());
        assertTrue(py.getMessage().contains("encoder[1] (Shuffle): the exporter has no translation for Shuffle layers"),
                py.getMessage());
        SpecException onnx = assertThrows(SpecException.class, () -> OnnxExport.build(model, OnnxExport.Part.ENCODER, "t"));
        assertEquals(py.getMessage(), onnx.getMessage());
    }
}
