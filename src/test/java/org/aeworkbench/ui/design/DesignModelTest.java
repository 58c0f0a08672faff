package org.aeworkbench.ui.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.KSparseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class DesignModelTest {

    private static final Shape MNIST = Shape.image(28, 28, 1);

    private static DesignModel reference() {
        return new DesignModel(Presets.get("reference", MNIST), MNIST, true);
    }

    private static List<Integer> widths(List<LayerSpec> layers) {
        return layers.stream().map(LayerSpec::units).toList();
    }

    @Test
    void insertingIntoTheMirroredEncoderRewritesTheDecoder() {
        DesignModel m = reference();
        assertTrue(m.mirrored(), "the reference preset's decoder is the encoder's mirror");
        m.insertLayer(new DenseSpec(256, Activation.RELU), Zone.ENCODER, 1);
        assertEquals(List.of(512, 256, 128, 2), widths(m.spec().encoder()));
        assertEquals(List.of(128, 256, 512, 784), widths(m.spec().decoder()));
        assertEquals(LayerPath.encoder(1), m.selectionProperty().get());
        assertTrue(m.problems().isEmpty(), m.problems().toString());
    }

    @Test
    void mirroringAConvolutionalEncoderBuildsATransposedDecoderThatFitsTheData() {
        DesignModel m = new DesignModel(Presets.get("conv-vae", MNIST), MNIST, true);
        m.setMirrored(true);
        assertTrue(m.mirrored());
        List<LayerSpec> decoder = m.spec().decoder();
        assertEquals(List.of("Dense", "Dense", "Reshape", "ConvTranspose2D", "ConvTranspose2D"), decoder.stream().map(LayerSpec::kind).toList());
        assertTrue(m.problems().isEmpty(), m.problems().toString());
        m.insertLayer(new org.aeworkbench.engine.model.Conv2DSpec(16, 3, 1, org.aeworkbench.engine.conv.Padding.SAME, Activation.RELU),
                Zone.ENCODER, 0);
        assertEquals(decoder.size() + 1, m.spec().decoder().size(), "the new encoder layer got its mirror");
        assertTrue(m.problems().isEmpty(), m.problems().toString());
    }

    @Test
    void everyEditUndoesAndRedoesExactly() {
        DesignModel m = reference();
        ModelSpec original = m.spec();
        m.insertLayer(new DenseSpec(64, Activation.TANH), Zone.ENCODER, 0);
        ModelSpec afterInsert = m.spec();
        m.setLoss(ReconstructionLoss.MSE);
        m.removeLayer(LayerPath.encoder(1));
        ModelSpec last = m.spec();
        m.undo();
        m.undo();
        assertEquals(afterInsert, m.spec());
        m.undo();
        assertEquals(original, m.spec());
        assertFalse(m.canUndoProperty().get());
        m.redo();
        m.redo();
        m.redo();
        assertEquals(last, m.spec());
        assertFalse(m.canRedoProperty().get());
    }

    @Test
    void editingTheDecoderByHandEndsMirroringAndIsFlaggedAtThatLayer() {
        DesignModel m = reference();
        m.replaceLayer(LayerPath.decoder(2), new DenseSpec(100, Activation.SIGMOID), "units");
        assertFalse(m.mirrored());
        List<SpecProblem> atOutput = m.problemsAt(LayerPath.decoder(2));
        assertEquals(1, atOutput.size(), m.problems().toString());
        assertTrue(atOutput.get(0).message().contains("784"), atOutput.get(0).message());
        m.undo();
        assertTrue(m.mirrored(), "undo restores the mirror flag with the spec");
        assertTrue(m.problems().isEmpty());
    }

    @Test
    void movingAHiddenLayerOntoTheCodeKeepsTheOldCodeAsHidden() {
        DesignModel m = reference();
        m.moveLayer(LayerPath.encoder(0), Zone.CODE, 0);
        assertEquals(List.of(128, 2, 512), widths(m.spec().encoder()));
        assertEquals(512, m.spec().codeSize());
    }

    @Test
    void reorderingWithinTheEncoderAccountsForTheRemovedSlot() {
        DesignModel m = new DesignModel(ModelSpec.of("t", List.of(new DenseSpec(30, Activation.RELU),
                new DenseSpec(20, Activation.RELU), new DenseSpec(10, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(784, Activation.SIGMOID)), ReconstructionLoss.BCE), MNIST, true);
        // Drag encoder[0] to just before encoder[2]: it lands between 20 and 10.
        m.moveLayer(LayerPath.encoder(0), Zone.ENCODER, 2);
        assertEquals(List.of(20, 30, 10, 2), widths(m.spec().encoder()));
    }

    @Test
    void bceOnDataOutsideTheUnitIntervalIsAProblemOfTheLoss() {
        DesignModel m = new DesignModel(Presets.get("reference", MNIST), MNIST, false);
        assertTrue(m.generalProblems().stream().anyMatch(p -> p.field().equals("loss")), m.problems().toString());
    }

    @Test
    void choosingAVariantReplacesTheOtherVariantParts() {
        DesignModel m = new DesignModel(Presets.get("k-sparse", MNIST), MNIST, true);
        assertEquals(Variant.titled("k-sparse"), Variant.of(m.spec()));
        m.edit("variant", Variant.titled("Variational (VAE)")::applyTo);
        assertEquals(Variant.titled("Variational (VAE)"), Variant.of(m.spec()));
        assertEquals(null, m.spec().variant(KSparseSpec.class));
        assertFalse(m.spec().has(TiedWeightsSpec.class), "a VAE's mean/log-variance code cannot tie weights");
    }

    @Test
    void recordsRewriteOneFieldOfAnyLayerRecord() {
        LayerSpec l = Records.withField(new DenseSpec(5, Activation.RELU), "units", 7.0);
        assertEquals(new DenseSpec(7, Activation.RELU), l);
        assertEquals(Activation.RELU, Records.get((Record) l, "activation"));
    }

    @Test
    void everyPresetLayerIsEditableFieldByField() {
        // The designer edits layers through their record components; every layer type of every
        // preset must rebuild from its own fields unchanged, and padding must parse from text.
        for (Presets.Preset p : Presets.all()) {
            DesignModel m = new DesignModel(p.build(MNIST), MNIST, true);
            assertTrue(m.problems().isEmpty(), p.name() + ": " + m.problems());
            for (LayerSpec layer : m.spec().layers()) {
                for (Records.Field f : Records.fields((Record) layer)) {
                    assertTrue(f.editable(), p.name() + " " + layer.kind() + "." + f.name() + " has no editor");
                    assertEquals(layer, Records.withField(layer, f.name(), f.value()));
                }
            }
        }
        assertEquals(org.aeworkbench.engine.conv.Padding.VALID,
                PropertyEditors.parse("valid", org.aeworkbench.engine.conv.Padding.class));
        assertEquals(null, PropertyEditors.parse("sideways", org.aeworkbench.engine.conv.Padding.class));
    }

    @Test
    void layerPathsParseTheValidatorsFields() {
        assertEquals(LayerPath.decoder(3), LayerPath.parse("decoder[3].units"));
        assertEquals(LayerPath.encoder(0), LayerPath.parse("encoder[0]"));
        assertEquals(null, LayerPath.parse("variational.beta"));
        assertEquals(null, LayerPath.parse("encoder"));
    }

    @Test
    void propertyEditorsParseOrRefuse() {
        assertEquals(0.001, PropertyEditors.parse(" 1e-3 ", double.class));
        assertEquals(42, PropertyEditors.parse("42", int.class));
        assertEquals(null, PropertyEditors.parse("4x", int.class));
        assertEquals(null, PropertyEditors.parse("NaN", double.class));
    }
}
