package org.aeworkbench.export.pytorch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.io.safetensors.Dtype;
import org.aeworkbench.engine.io.safetensors.Safetensors;
import org.aeworkbench.engine.io.safetensors.Tensor;
import org.aeworkbench.engine.io.safetensors.TensorEntry;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.export.design.ExportedDesign;
import org.aeworkbench.export.design.TorchParameter;
import org.aeworkbench.export.translate.LayerTranslations;

/**
 * A model's weights as the exported module's state dict, in safetensors: every parameter under its
 * PyTorch name ("encoder.0.weight") and layout. Reading them back checks every name and shape
 * against the design first and lists each mismatch; nothing is loaded unless all match.
 */
public final class TorchWeights {

    /** Tensors that train.py's checkpoints hold beside the weights, for resuming only. */
    private static final List<String> CHECKPOINT_PREFIXES = List.of("optimizer.", "rng.");

    private TorchWeights() {
    }

    /** The design's state dict: names, PyTorch shapes and values. */
    public static List<Tensor> tensors(Autoencoder model) {
        List<Tensor> out = new ArrayList<>();
        for (TorchParameter p : LayerTranslations.torchParameters(ExportedDesign.of(model))) {
            out.add(p.toTensor());
        }
        return out;
    }

    public static void write(Autoencoder model, Path file, Map<String, String> metadata) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("design", model.spec().name());
        meta.putAll(metadata);
        Safetensors.write(file, tensors(model), meta);
    }

    /**
     * Loads {@code file} into {@code model}: the tensors must be exactly the design's, by name, shape
     * and dtype (float32), with finite values; otherwise a {@link SpecException} lists every
     * mismatch, and the model is left as it was.
     */
    public static void load(Autoencoder model, Path file) throws IOException {
        List<TorchParameter> expected = LayerTranslations.torchParameters(ExportedDesign.of(model));
        Safetensors.Opened opened = Safetensors.open(file);
        Map<String, TensorEntry> present = new LinkedHashMap<>();
        for (TensorEntry e : opened.header().tensors()) {
            if (CHECKPOINT_PREFIXES.stream().noneMatch(e.name()::startsWith)) {
                present.put(e.name(), e);
            }
        }
        List<String> problems = new ArrayList<>();
        for (TorchParameter p : expected) {
            TensorEntry e = present.remove(p.name());
            long[] shape = p.layout().torchShape();
            if (e == null) {
                problems.add("missing " + p.name() + " " + Arrays.toString(shape));
            } else if (!Arrays.equals(e.shape(), shape)) {
                problems.add(p.name() + " is " + e.shapeText() + " in the file but " + Arrays.toString(shape) + " in the design");
            } else if (e.dtype() != Dtype.F32) {
                problems.add(p.name() + " is " + e.dtype() + ", not float32 (F32)");
            }
        }
        for (TensorEntry e : present.values()) {
            problems.add("unexpected " + e.name() + " " + e.shapeText());
        }
        if (!problems.isEmpty()) {
            throw new SpecException("weights", file + ": the weights do not match the design '" + model.spec().name()
                    + "' (" + problems.size() + (problems.size() == 1 ? " mismatch" : " mismatches") + "): "
                    + String.join("; ", problems) + ". Import them with the spec or model they were trained from.");
        }
        List<float[]> values = new ArrayList<>();
        for (TorchParameter p : expected) {
            float[] v = opened.floats(p.name());
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new SpecException("weights", file + ": " + p.name() + " holds " + v[i] + " at index " + i
                            + "; the training run diverged: import the weights of an earlier checkpoint");
                }
            }
            values.add(v);
        }
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).load(values.get(i));
        }
    }
}
