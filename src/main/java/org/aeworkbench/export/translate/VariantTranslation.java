package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * What one variant adds to the exported model beside the layers: its stages in {@code model.py}'s
 * encoder, its penalty terms, its class members, and its ONNX nodes at inference. Registered in
 * {@link VariantTranslations} in the order the workbench stacks the stages after an encoder layer.
 */
public interface VariantTranslation {

    /** One line for the design class's docstring: what the variant does, with its settings. */
    String torchSummary(ExportedDesign design);

    /**
     * Why the PyTorch package cannot carry this variant (its training has no equivalent in
     * train.py), or null when it can. ONNX, which holds inference only, does not ask.
     */
    default String torchRefusal(ExportedDesign design) {
        return null;
    }

    /** The {@code model.py} building blocks its code calls (resources under pytorch/blocks/). */
    default List<String> torchBlocks() {
        return List.of();
    }

    /**
     * Lines of {@code encode_stages} before the first encoder layer, where {@code h} is the input;
     * {@code stochastic} says whether the pass is a training one.
     */
    default void torchBeforeEncoder(ExportedDesign design, PythonCode code) {
    }

    /**
     * Lines of {@code encode_stages} after encoder layer {@code index}, where {@code h} is that
     * layer's output; penalties go into {@code terms} when {@code with_terms}.
     */
    default void torchAfterEncoderLayer(ExportedDesign design, int index, PythonCode code) {
    }

    /** Methods the design class needs for this variant (a schedule over epochs, say). */
    default void torchMembers(ExportedDesign design, PythonCode code) {
    }

    /**
     * ONNX nodes this variant adds at inference after encoder layer {@code index}, given that
     * layer's output {@code h}; returns the value that goes on. Training-only stages (noise,
     * penalties) add nothing.
     */
    default OnnxValue onnxAfterEncoderLayer(ExportedDesign design, int index, OnnxGraph g, OnnxValue h,
                                            OnnxOutputs outputs) {
        return h;
    }
}
