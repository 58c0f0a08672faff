package org.aeworkbench.export.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.aeworkbench.engine.io.AtomicFiles;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.export.design.ExportedDesign;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.translate.LayerTranslations;
import org.aeworkbench.export.translate.OnnxGraph;
import org.aeworkbench.export.translate.OnnxOutputs;
import org.aeworkbench.export.translate.OnnxValue;
import org.aeworkbench.export.translate.VariantTranslation;
import org.aeworkbench.export.translate.VariantTranslations;

/**
 * A trained model as a standard ONNX file (IR version 8, opset 17), for inference elsewhere:
 * <ul>
 *   <li>{@code encoder}: input {@code x} to output {@code code}; a VAE's encoder returns {@code mu}
 *       and {@code log_variance} instead;</li>
 *   <li>{@code decoder}: input {@code z} (a code; a VAE's latent) to output {@code reconstruction};</li>
 *   <li>{@code autoencoder}: {@code x} to {@code reconstruction} (a VAE decodes its mean).</li>
 * </ul>
 * Samples are (N, features) for dense designs and (N, C, H, W) for convolutional ones
 * ({@link ExportedDesign#imageLayout()}), prepared as the workbench prepares its data. Weights are
 * initializers named as in the PyTorch export's state dict. Inference only: denoising noise, the
 * VAE's sampling and the penalties are training-time stages and are left out.
 */
public final class OnnxExport {

    /** The ONNX IR version written: that of ONNX 1.13, which opset 17 came with. */
    public static final long IR_VERSION = 8;
    public static final long OPSET = 17;

    /** Which part of the autoencoder the file holds. */
    public enum Part {
        ENCODER, DECODER, AUTOENCODER;

        /** Parses "encoder", "decoder" or "autoencoder". */
        public static Part parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown part '" + text + "': use encoder, decoder or autoencoder");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private OnnxExport() {
    }

    /**
     * Writes the file; {@code preparation} (the model file's preparation record, JSON, or null) goes
     * into the metadata as "preparation", so that a program feeding the model can prepare its input
     * as the workbench did: x' = (x - offset[j]) / scale[j].
     */
    public static void write(Autoencoder model, Part part, Path out, String producerVersion, String preparation)
            throws IOException {
        ModelProto built = build(model, part, producerVersion);
        ModelProto proto = preparation == null ? built : built.toBuilder().addMetadataProps(
                StringStringEntryProto.newBuilder().setKey("preparation").setValue(preparation)).build();
        AtomicFiles.write(out, proto::writeTo);
    }

    /** The ONNX model of {@code part}; a layer that cannot be expressed is refused, naming it. */
    public static ModelProto build(Autoencoder model, Part part, String producerVersion) {
        ExportedDesign design = ExportedDesign.of(model);
        LayerTranslations.check(design);
        OnnxGraph g = new OnnxGraph(design.spec().name() + "-" + part.id());
        List<VariantTranslation> variants = VariantTranslations.of(design);
        OnnxOutputs outputs = new OnnxOutputs();
        GraphProto.Builder graph = g.proto();
        if (part == Part.DECODER) {
            Shape code = design.codeShape();
            boolean image = design.imageCode();
            graph.addInput(valueInfo("z", image, code));
            OnnxValue r = decoder(design, g, new OnnxValue("z", image));
            output(g, "reconstruction", r, design.imageLayout(), design.input());
        } else {
            graph.addInput(valueInfo("x", design.imageLayout(), design.input()));
            OnnxValue h = new OnnxValue("x", design.imageLayout());
            for (LayerSite s : design.encoder()) {
                h = LayerTranslations.of(s).onnx(s, g, h);
                for (VariantTranslation v : variants) {
                    h = v.onnxAfterEncoderLayer(design, s.index(), g, h, outputs);
                }
            }
            if (part == Part.ENCODER) {
                if (outputs.named().isEmpty()) {
                    output(g, "code", h, design.imageCode(), design.codeShape());
                } else {
                    for (Map.Entry<String, OnnxValue> e : outputs.named().entrySet()) {
                        output(g, e.getKey(), e.getValue(), false, design.codeShape());
                    }
                }
            } else {
                output(g, "reconstruction", decoder(design, g, h), design.imageLayout(), design.input());
            }
        }
        String doc = "AE Workbench design '" + design.spec().name() + "', " + part.id() + " part"
                + (design.spec().description().isEmpty() ? "" : ": " + design.spec().description());
        graph.setDocString(doc);
        return ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("AE Workbench").setProducerVersion(producerVersion)
                .setDocString(doc)
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("design").setValue(design.spec().name()))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("part").setValue(part.id()))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("layout")
                        .setValue(design.imageLayout() ? "NCHW" : "N,features (channels-last)"))
                .setGraph(graph).build();
    }

    private static OnnxValue decoder(ExportedDesign design, OnnxGraph g, OnnxValue z) {
        OnnxValue h = z;
        for (LayerSite s : design.decoder()) {
            h = LayerTranslations.of(s).onnx(s, g, h);
        }
        return h;
    }

    /** Names {@code value} as graph output {@code name}, in the layout the part promises. */
    private static void output(OnnxGraph g, String name, OnnxValue value, boolean image, Shape shape) {
        OnnxValue v = image ? value.asImage(g, name, shape.height(), shape.width(), shape.channels())
                : value.asVector(g, name);
        g.node("Identity", new String[] {v.name()}, new String[] {name});
        g.proto().addOutput(valueInfo(name, image, shape));
    }

    /** A float tensor of (N, features) or (N, C, H, W), N left free. */
    private static ValueInfoProto valueInfo(String name, boolean image, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        List<Long> sizes = new ArrayList<>();
        if (image) {
            sizes.addAll(List.of((long) shape.channels(), (long) shape.height(), (long) shape.width()));
        } else {
            sizes.add((long) shape.size());
        }
        for (long s : sizes) {
            dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(s));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(dims)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
