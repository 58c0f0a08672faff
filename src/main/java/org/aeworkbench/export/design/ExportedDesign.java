package org.aeworkbench.export.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ContractiveSpec;
import org.aeworkbench.engine.model.KSparseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.model.SpatialSpec;
import org.aeworkbench.engine.model.StackedSpec;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A built model as the exporters read it: every spec layer with the shapes around it and its own
 * parameters ({@link LayerSite}), the variants' parts, and whether samples travel as images.
 *
 * <p>Images travel in PyTorch's and ONNX's order, (N, C, H, W), in a design that has any
 * convolution, pooling, resampling or reshaping layer; otherwise every sample is a vector of
 * features in the workbench's (channels-last) order, (N, features).
 */
public final class ExportedDesign {

    private final Autoencoder model;
    private final List<LayerSite> encoder;
    private final List<LayerSite> decoder;
    private final boolean imageLayout;

    private ExportedDesign(Autoencoder model, List<LayerSite> encoder, List<LayerSite> decoder, boolean imageLayout) {
        this.model = model;
        this.encoder = List.copyOf(encoder);
        this.decoder = List.copyOf(decoder);
        this.imageLayout = imageLayout;
    }

    /** Reads {@code model}'s design. Whether each layer can be expressed is the exporters' question. */
    public static ExportedDesign of(Autoencoder model) {
        ModelSpec spec = model.spec();
        Map<String, Parameter> params = new HashMap<>();
        for (Parameter p : model.parameters()) {
            params.put(p.name(), p);
        }
        boolean image = !model.inputShape().isVector() && spec.layers().stream().anyMatch(l -> l instanceof SpatialSpec);
        List<LayerSite> enc = new ArrayList<>();
        Shape shape = model.inputShape();
        int code = spec.encoder().size() - 1;
        for (int i = 0; i < spec.encoder().size(); i++) {
            LayerSpec l = spec.encoder().get(i);
            String name = "encoder[" + i + "]";
            Parameter w = params.get(name + ".weight");
            Shape out = i == code && spec.has(VariationalSpec.class) && w != null ? Shape.vector(w.cols()) : l.outputShape(shape);
            enc.add(new LayerSite("encoder", i, l, shape, out, w, params.get(name + ".bias"), -1, null));
            shape = out;
        }
        if (spec.has(VariationalSpec.class)) {
            shape = Shape.vector(spec.codeSize());
        }
        List<LayerSite> dec = new ArrayList<>();
        for (int i = 0; i < spec.decoder().size(); i++) {
            LayerSpec l = spec.decoder().get(i);
            String name = "decoder[" + i + "]";
            Parameter w = params.get(name + ".weight");
            Parameter b = params.get(name + ".bias");
            int tiedTo = spec.has(TiedWeightsSpec.class) && w == null && b != null ? spec.encoder().size() - 1 - i : -1;
            Shape out = l.outputShape(shape);
            dec.add(new LayerSite("decoder", i, l, shape, out, w, b, tiedTo,
                    tiedTo >= 0 ? params.get("encoder[" + tiedTo + "].weight") : null));
            shape = out;
        }
        return new ExportedDesign(model, enc, dec, image);
    }

    public Autoencoder model() {
        return model;
    }

    public ModelSpec spec() {
        return model.spec();
    }

    public Shape input() {
        return model.inputShape();
    }

    public List<LayerSite> encoder() {
        return encoder;
    }

    public List<LayerSite> decoder() {
        return decoder;
    }

    /** Encoder then decoder. */
    public List<LayerSite> layers() {
        List<LayerSite> all = new ArrayList<>(encoder);
        all.addAll(decoder);
        return all;
    }

    /** Whether samples travel as (N, C, H, W) images rather than (N, features) vectors. */
    public boolean imageLayout() {
        return imageLayout;
    }

    /** The shape of a code as the encoder part emits it (the latent width for a VAE). */
    public Shape codeShape() {
        return variational() != null ? Shape.vector(spec().codeSize()) : encoder.get(encoder.size() - 1).output();
    }

    /** Whether a code travels as an image, (N, C, H, W): an image layout whose code is not a vector. */
    public boolean imageCode() {
        return imageLayout && !codeShape().isVector();
    }

    public VariationalSpec variational() {
        return model.spec().variant(VariationalSpec.class);
    }

    public NoiseSpec noise() {
        return model.spec().variant(NoiseSpec.class);
    }

    public KSparseSpec kSparse() {
        return model.spec().variant(KSparseSpec.class);
    }

    public SparsitySpec sparsity() {
        return model.spec().variant(SparsitySpec.class);
    }

    public ContractiveSpec contractive() {
        return model.spec().variant(ContractiveSpec.class);
    }

    public StackedSpec stacked() {
        return model.spec().variant(StackedSpec.class);
    }

    /** The encoder layer the sparsity penalty watches (the code layer for -1), or -1 without one. */
    public int sparsityLayer() {
        SparsitySpec s = sparsity();
        return s == null ? -1 : s.layer() < 0 ? encoder.size() - 1 : s.layer();
    }
}
