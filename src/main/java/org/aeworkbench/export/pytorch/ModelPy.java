package org.aeworkbench.export.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.ActivatedSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.export.design.ExportedDesign;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.translate.LayerTranslation;
import org.aeworkbench.export.translate.LayerTranslations;
import org.aeworkbench.export.translate.OptimizerTranslations;
import org.aeworkbench.export.translate.PythonCode;
import org.aeworkbench.export.translate.VariantTranslation;
import org.aeworkbench.export.translate.VariantTranslations;

/**
 * Writes {@code model.py}: the fixed helpers ({@code head.py}), the building blocks the design uses
 * (one per layer kind and variant, under {@code blocks/}), the design's settings as constants, one
 * {@code nn.Module} class named after the design, and the interface every export shares
 * ({@code tail.py}: {@code prepare}, {@code load_model}, safetensors I/O).
 */
final class ModelPy {

    private final ExportedDesign design;
    private final List<VariantTranslation> variants;

    ModelPy(ExportedDesign design) {
        this.design = design;
        this.variants = VariantTranslations.forTorch(design);
    }

    /** "reference" -> "Reference", "vae-2d" -> "Vae2d", "2-layer" -> "Design2Layer". */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
            b.insert(0, "Design");
        }
        return b.toString();
    }

    String write(String header, String preparation) {
        StringBuilder out = new StringBuilder(header);
        out.append(resource("head.py")).append('\n');
        out.append(constants(preparation)).append("\n\n");
        Set<String> blocks = new LinkedHashSet<>();
        for (LayerSite s : design.layers()) {
            blocks.add(LayerTranslations.of(s).torchBlock());
        }
        for (VariantTranslation v : variants) {
            blocks.addAll(v.torchBlocks());
        }
        blocks.add("loss");
        for (String b : blocks) {
            out.append(resource("blocks/" + b + ".py")).append("\n\n");
        }
        out.append(designClass()).append("\n\n\n");
        out.append(resource("tail.py")).append("\n\n");
        out.append("DESIGN = ").append(className(design.spec().name())).append('\n');
        return out.toString();
    }

    private String constants(String preparation) {
        ModelSpec spec = design.spec();
        Shape in = design.input();
        TrainingSpec t = spec.training();
        OptimizerSpec o = spec.optimizer();
        PythonCode c = new PythonCode();
        c.line("DESIGN_NAME = " + PythonCode.string(spec.name()))
                .line("PRODUCER = " + PythonCode.string(PytorchExport.PRODUCER))
                .line("HERE = os.path.dirname(os.path.abspath(__file__))")
                .line("WEIGHTS_FILE = os.path.join(HERE, \"weights.safetensors\")")
                .line("# One sample as the workbench stores it: height, width, channels (channels last).")
                .line("INPUT_SHAPE = (" + in.height() + ", " + in.width() + ", " + in.channels() + ")")
                .line(design.imageLayout()
                        ? "# The model takes and returns images, (N, " + in.channels() + ", " + in.height() + ", " + in.width() + ")."
                        : "# The model takes and returns vectors, (N, " + in.size() + "), features in channels-last order.")
                .line("IMAGE_LAYOUT = " + (design.imageLayout() ? "True" : "False"))
                .line("LOSS = " + PythonCode.string(spec.loss().id()))
                .line(preparation)
                .line("TRAINING = {\"epochs\": " + t.epochs() + ", \"batch_size\": " + t.batchSize() + ", \"seed\": "
                        + t.seed() + ", \"validation_fraction\": " + PythonCode.number(t.validationFraction())
                        + ", \"patience\": " + t.patience() + ", \"clip_norm\": " + PythonCode.number(t.clipNorm()) + "}")
                .line("OPTIMIZER = {\"kind\": " + PythonCode.string(o.kind().id()) + ", \"learning_rate\": "
                        + PythonCode.number(o.learningRate()) + ", \"weight_decay\": " + PythonCode.number(o.weightDecay())
                        + ", \"schedule\": {\"kind\": " + PythonCode.string(o.schedule().kind().id()) + ", \"gamma\": "
                        + PythonCode.number(o.schedule().gamma()) + ", \"every\": " + o.schedule().every() + "}}")
                .line("")
                .line("")
                .line("def make_optimizer(groups, lr):").indent()
                .line("\"\"\"The workbench's optimiser (" + o.kind().id() + ") with its settings, over parameter groups.\"\"\"")
                .line("return " + OptimizerTranslations.torch(o)).dedent();
        return c.toString();
    }

    private String designClass() {
        ModelSpec spec = design.spec();
        String name = className(spec.name());
        PythonCode c = new PythonCode();
        c.line("class " + name + "(nn.Module):").indent();
        c.line("\"\"\"" + (spec.description().isEmpty() ? "The design '" + spec.name() + "'." : spec.description()));
        c.line("");
        c.line("Layers: " + layerSummary() + ".");
        c.line("Loss: " + spec.loss().title().toLowerCase(Locale.ROOT) + " per sample, summed over features, mean"
                + " over the batch, plus the penalties below.");
        for (VariantTranslation v : variants) {
            c.line(v.torchSummary(design));
        }
        c.line("\"\"\"");
        c.line("");
        c.line("def __init__(self):").indent().line("super().__init__()");
        modules(c, "encoder", design.encoder());
        modules(c, "decoder", design.decoder());
        c.line("self.epoch = None  # the training epoch under way (train.py sets it), for schedules");
        c.dedent().line("");
        c.line("def on_epoch_start(self, epoch):").indent()
                .line("\"\"\"Called by train.py before each 0-based epoch: schedules (KL warm-up, k) follow it.\"\"\"")
                .line("self.epoch = epoch").dedent().line("");
        encodeStages(c);
        c.line("def encode(self, x):").indent()
                .line("\"\"\"The codes of x" + (design.variational() != null ? " (the posterior means)" : "")
                        + ": no noise, no sampling.\"\"\"")
                .line("return self.encode_stages(x, stochastic=False, with_terms=False)[0]").dedent().line("");
        decode(c);
        c.line("def forward(self, x):").indent()
                .line("\"\"\"The reconstruction of x. In eval() mode a VAE decodes its mean and noise is off; in train()"
                        + " mode they act as in training.\"\"\"")
                .line("return self.decode(self.encode_stages(x, stochastic=self.training, with_terms=False)[0])")
                .dedent().line("");
        loss(c);
        for (VariantTranslation v : variants) {
            v.torchMembers(design, c);
        }
        return c.toString().stripTrailing();
    }

    private String layerSummary() {
        StringBuilder b = new StringBuilder(design.input().toString());
        for (LayerSite s : design.layers()) {
            b.append(" -> ").append(s.spec().kind());
            if (s.spec() instanceof ActivatedSpec a) {
                b.append(' ').append(s.output()).append(' ').append(a.activation().id());
            } else {
                b.append(' ').append(s.output());
            }
            if (s.tied()) {
                b.append(" (tied to encoder[").append(s.tiedTo()).append("])");
            }
        }
        return b.toString();
    }

    private static void modules(PythonCode c, String part, List<LayerSite> sites) {
        c.line("self." + part + " = nn.ModuleList([").indent();
        for (LayerSite s : sites) {
            c.line(LayerTranslations.of(s).torchModule(s) + ",  # " + s.workbenchName());
        }
        c.dedent().line("])");
    }

    private void encodeStages(PythonCode c) {
        c.line("def encode_stages(self, x, stochastic, with_terms=True, sample=None):").indent()
                .line("\"\"\"The encoder with the variant's stages: with stochastic, as in training (noise, the scheduled"
                        + " k, a VAE's sampling);")
                .line("without, as at inference; `sample` overrides whether a VAE samples its code. Returns the code"
                        + " and the penalty terms")
                .line("(per sample, mean over the batch).\"\"\"")
                .line("sample = stochastic if sample is None else sample")
                .line("terms = {}")
                .line("h = x");
        for (VariantTranslation v : variants) {
            v.torchBeforeEncoder(design, c);
        }
        for (LayerSite s : design.encoder()) {
            c.line("h = " + LayerTranslations.of(s).torchCall(s, "h"));
            for (VariantTranslation v : variants) {
                v.torchAfterEncoderLayer(design, s.index(), c);
            }
        }
        c.line("return h, terms").dedent().line("");
    }

    /** The output layer's sigmoid, when BCE can be computed from its logits (as the engine does). */
    private boolean bceFromLogits() {
        LayerSite last = design.decoder().get(design.decoder().size() - 1);
        return design.spec().loss() == ReconstructionLoss.BCE && last.spec() instanceof ActivatedSpec a
                && a.activation() == Activation.SIGMOID && LayerTranslations.of(last).torchPreActivationCall(last, "h") != null;
    }

    private void decode(PythonCode c) {
        List<LayerSite> dec = design.decoder();
        if (bceFromLogits()) {
            c.line("def decode_logits(self, z):").indent()
                    .line("\"\"\"The output layer's pre-activation: the logits the BCE is computed from.\"\"\"")
                    .line("h = z");
            for (LayerSite s : dec.subList(0, dec.size() - 1)) {
                c.line("h = " + LayerTranslations.of(s).torchCall(s, "h"));
            }
            LayerSite last = dec.get(dec.size() - 1);
            c.line("return to_input_layout(" + LayerTranslations.of(last).torchPreActivationCall(last, "h") + ")")
                    .dedent().line("");
            c.line("def decode(self, z):").indent()
                    .line("\"\"\"The outputs of codes z.\"\"\"")
                    .line("return torch.sigmoid(self.decode_logits(z))").dedent().line("");
            return;
        }
        c.line("def decode(self, z):").indent().line("\"\"\"The outputs of codes z.\"\"\"").line("h = z");
        for (LayerSite s : dec) {
            LayerTranslation t = LayerTranslations.of(s);
            c.line("h = " + t.torchCall(s, "h"));
        }
        c.line("return to_input_layout(h)").dedent().line("");
    }

    private void loss(PythonCode c) {
        c.line("def loss(self, x):").indent()
                .line("\"\"\"The workbench's objective on a batch: (total, terms), each term per sample and mean over"
                        + " the batch.\"\"\"")
                .line(design.variational() != null
                        ? "z, terms = self.encode_stages(x, stochastic=self.training, sample=True)  # the ELBO samples q(z|x)"
                        : "z, terms = self.encode_stages(x, stochastic=self.training)");
        if (bceFromLogits()) {
            c.line("logits = self.decode_logits(z)")
                    .line("reconstruction = reconstruction_loss(LOSS, torch.sigmoid(logits), x, logits)");
        } else {
            c.line("reconstruction = reconstruction_loss(LOSS, self.decode(z), x)");
        }
        c.line("terms = {\"reconstruction\": reconstruction, **terms}")
                .line("return sum(terms.values()), terms").dedent().line("");
    }

    static String resource(String name) {
        try (InputStream in = ModelPy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
