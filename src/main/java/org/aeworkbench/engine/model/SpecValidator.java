package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Checks a design against the data it will see, before anything is built. Every problem names
 * the field it is about, so the designer can flag the layer and the CLI can print the path.
 */
public final class SpecValidator {

    private SpecValidator() {
    }

    /** Shapes and parameter counts through the stack, stopping shape inference at the first broken layer. */
    public static List<LayerRow> rows(ModelSpec spec, Shape input) {
        List<LayerRow> rows = new ArrayList<>();
        Shape current = input;
        int codeIndex = spec.encoder().size() - 1;
        for (int i = 0; i < spec.encoder().size(); i++) {
            current = addRow(rows, i == codeIndex ? "code" : "encoder", "encoder[" + i + "]",
                    spec.encoder().get(i), current, false);
        }
        for (int i = 0; i < spec.decoder().size(); i++) {
            boolean shared = spec.tiedWeights() && spec.decoder().get(i) instanceof DenseSpec;
            current = addRow(rows, "decoder", "decoder[" + i + "]", spec.decoder().get(i), current, shared);
        }
        return rows;
    }

    private static Shape addRow(List<LayerRow> rows, String zone, String field, LayerSpec layer, Shape in,
                                boolean sharedWeights) {
        if (in == null) {
            rows.add(new LayerRow(zone, field, layer, null, null, 0, null));
            return null;
        }
        try {
            Shape out = layer.outputShape(in);
            long params = layer.parameterCount(in);
            if (sharedWeights) {
                params = layer.units(); // only the bias is its own
            }
            rows.add(new LayerRow(zone, field, layer, in, out, params, null));
            return out;
        } catch (SpecException e) {
            rows.add(new LayerRow(zone, field, layer, in, null, 0, e.getMessage()));
            return null;
        }
    }

    /** Total trainable parameters, counting shared weights once. */
    public static long parameterCount(ModelSpec spec, Shape input) {
        long total = 0;
        for (LayerRow r : rows(spec, input)) {
            total += r.parameters();
        }
        if (spec.variational() != null && spec.codeLayer() instanceof DenseSpec code) {
            // The code layer emits a mean and a log-variance: twice the units.
            List<LayerRow> rows = rows(spec, input);
            LayerRow codeRow = rows.get(spec.encoder().size() - 1);
            if (codeRow.input() != null) {
                total += code.parameterCount(codeRow.input());
            }
        }
        return total;
    }

    /**
     * Every reason the design cannot be trained on data of shape {@code input}.
     *
     * @param dataInUnitInterval whether all data values lie in [0, 1] (BCE needs it); null if unknown
     */
    public static List<SpecProblem> validate(ModelSpec spec, Shape input, Boolean dataInUnitInterval) {
        List<SpecProblem> problems = new ArrayList<>();
        if (spec.encoder().isEmpty()) {
            problems.add(new SpecProblem("encoder", "the design has no code layer: add at least one layer to the encoder"));
        }
        if (spec.decoder().isEmpty()) {
            problems.add(new SpecProblem("decoder", "the design has no decoder: add an output layer of "
                    + input.size() + " units, or use Mirror encoder"));
        }
        List<LayerRow> rows = rows(spec, input);
        for (LayerRow r : rows) {
            if (r.problem() != null) {
                problems.add(new SpecProblem(r.field(), r.problem()));
            }
        }
        if (!rows.isEmpty() && !spec.decoder().isEmpty()) {
            LayerRow last = rows.get(rows.size() - 1);
            if (last.output() != null && last.output().size() != input.size()) {
                String fix = input.isVector() ? "make the last layer " + input.size() + " units"
                        : "make the output " + input + " (" + input.size() + " values)";
                problems.add(new SpecProblem(last.field() + (last.spec().units() >= 0 ? ".units" : ""), "the output has "
                        + last.output() + " = " + last.output().size() + " values but each input has " + input
                        + " = " + input.size() + ": " + fix));
            }
        }
        checkLoss(spec, problems, dataInUnitInterval);
        checkVariants(spec, input, problems);
        checkTraining(spec, problems);
        return problems;
    }

    private static void checkLoss(ModelSpec spec, List<SpecProblem> problems, Boolean inUnit) {
        if (spec.loss() != ReconstructionLoss.BCE) {
            return;
        }
        if (Boolean.FALSE.equals(inUnit)) {
            problems.add(new SpecProblem("loss", "binary cross-entropy needs data in [0, 1] but this data set has values"
                    + " outside it: scale the data to [0, 1] or choose MSE"));
        }
        if (!spec.decoder().isEmpty() && spec.decoder().get(spec.decoder().size() - 1) instanceof ActivatedSpec d
                && d.activation() != Activation.SIGMOID) {
            int i = spec.decoder().size() - 1;
            problems.add(new SpecProblem("decoder[" + i + "].activation", "binary cross-entropy needs outputs in (0, 1):"
                    + " make the output activation sigmoid, or choose MSE"));
        }
    }

    private static void checkVariants(ModelSpec spec, Shape input, List<SpecProblem> problems) {
        List<LayerRow> rows = rows(spec, input);
        int code = spec.encoder().isEmpty() || rows.get(spec.encoder().size() - 1).output() == null ? 0
                : rows.get(spec.encoder().size() - 1).output().size();
        if (spec.kSparse() != null) {
            int k = spec.kSparse().k();
            if (k < 1 || (code > 0 && k > code)) {
                problems.add(new SpecProblem("kSparse.k", "k must be between 1 and the code size " + code + ", not " + k));
            }
            if (spec.kSparse().scheduleEpochs() < 0) {
                problems.add(new SpecProblem("kSparse.scheduleEpochs", "the schedule cannot be negative"));
            }
        }
        if (spec.sparsity() != null) {
            SparsitySpec s = spec.sparsity();
            if (!(s.weight() >= 0) || Double.isInfinite(s.weight())) {
                problems.add(new SpecProblem("sparsity.weight", "the sparsity weight must be a number >= 0"));
            }
            int layer = s.layer() < 0 ? spec.encoder().size() - 1 : s.layer();
            if (layer < 0 || layer >= spec.encoder().size()) { // < 0: no encoder at all
                problems.add(new SpecProblem("sparsity.layer", "there is no encoder layer " + s.layer()));
            } else if (s.kind() == SparsitySpec.Kind.KL) {
                if (!(s.rho() > 0 && s.rho() < 1)) {
                    problems.add(new SpecProblem("sparsity.rho", "the target activation rho must lie strictly between 0 and 1"));
                }
                if (!(spec.encoder().get(layer) instanceof DenseSpec d) || d.activation() != Activation.SIGMOID) {
                    problems.add(new SpecProblem("encoder[" + layer + "].activation", "the KL sparsity penalty treats"
                            + " activations as firing rates in (0, 1): make this layer sigmoid, or use the L1 penalty"));
                }
            }
        }
        if (spec.noise() != null) {
            NoiseSpec n = spec.noise();
            boolean rate = n.kind() != NoiseSpec.Kind.GAUSSIAN;
            if (!(n.level() >= 0) || (rate && n.level() > 1)) {
                problems.add(new SpecProblem("noise.level", rate ? "the corruption rate must lie in [0, 1]"
                        : "the noise standard deviation must be >= 0"));
            }
            if (n.kind() == NoiseSpec.Kind.PATCH && input.isVector()) {
                problems.add(new SpecProblem("noise.kind", "patch corruption blanks a square of an image, but the data"
                        + " is not image-shaped: use masking noise"));
            }
        }
        if (spec.contractive() != null && !(spec.contractive().weight() >= 0)) {
            problems.add(new SpecProblem("contractive.weight", "the contractive weight must be a number >= 0"));
        }
        if (spec.contractive() != null && spec.encoder().stream().anyMatch(l -> !(l instanceof DenseSpec))) {
            problems.add(new SpecProblem("contractive", "the contractive penalty is computed for dense encoders:"
                    + " remove it, or use dense encoder layers"));
        }
        if (spec.variational() != null) {
            if (!(spec.codeLayer() instanceof DenseSpec)) {
                problems.add(new SpecProblem("encoder", "a VAE needs a dense code layer for its mean and log-variance"));
            }
            if (!(spec.variational().beta() >= 0)) {
                problems.add(new SpecProblem("variational.beta", "beta must be a number >= 0"));
            }
            if (spec.variational().warmupEpochs() < 0) {
                problems.add(new SpecProblem("variational.warmupEpochs", "KL warm-up must be 0 (none) or a number of epochs"));
            }
            if (spec.stacked() != null) {
                problems.add(new SpecProblem("stacked", "greedy layer-wise pretraining is for deterministic encoders:"
                        + " turn it off for a VAE"));
            }
            if (spec.kSparse() != null) {
                problems.add(new SpecProblem("kSparse", "a VAE's latent code is sampled, not k-sparse: remove one of them"));
            }
            if (spec.tiedWeights()) {
                problems.add(new SpecProblem("tiedWeights", "a VAE's code layer emits a mean and a log-variance, so the"
                        + " decoder cannot use its transpose: untie the weights"));
            }
            if (spec.contractive() != null) {
                problems.add(new SpecProblem("contractive", "the contractive penalty is for deterministic encoders:"
                        + " remove it for a VAE (the KL term already regularises the code)"));
            }
        }
        if (spec.tiedWeights()) {
            checkTied(spec, input, problems);
        }
        if (spec.stacked() != null && spec.stacked().pretrainEpochs() < 1) {
            problems.add(new SpecProblem("stacked.pretrainEpochs", "pretraining needs at least 1 epoch per layer"));
        }
    }

    private static void checkTied(ModelSpec spec, Shape input, List<SpecProblem> problems) {
        List<LayerSpec> enc = spec.encoder();
        List<LayerSpec> dec = spec.decoder();
        if (dec.size() != enc.size()) {
            problems.add(new SpecProblem("tiedWeights", "tied weights need the decoder to mirror the encoder ("
                    + enc.size() + " layers each side): use Mirror encoder"));
            return;
        }
        for (int i = 0; i < dec.size(); i++) {
            int expected = i == dec.size() - 1 ? input.size() : enc.get(enc.size() - 2 - i).units();
            if (!(dec.get(i) instanceof DenseSpec) || !(enc.get(enc.size() - 1 - i) instanceof DenseSpec)) {
                problems.add(new SpecProblem("decoder[" + i + "]", "tied weights apply to dense layers only"));
            } else if (dec.get(i).units() != expected) {
                problems.add(new SpecProblem("decoder[" + i + "].units", "with tied weights this layer must have "
                        + expected + " units, the transpose of encoder[" + (enc.size() - 1 - i) + "]"));
            }
        }
    }

    private static void checkTraining(ModelSpec spec, List<SpecProblem> problems) {
        TrainingSpec t = spec.training();
        if (t.epochs() < 1) {
            problems.add(new SpecProblem("training.epochs", "train for at least 1 epoch"));
        }
        if (t.batchSize() < 1) {
            problems.add(new SpecProblem("training.batchSize", "the batch size must be at least 1"));
        }
        if (!(t.validationFraction() >= 0 && t.validationFraction() < 1)) {
            problems.add(new SpecProblem("training.validationFraction", "the validation fraction must lie in [0, 1)"));
        }
        if (t.threads() < 0) {
            problems.add(new SpecProblem("training.threads", "threads must be 0 (all cores) or more"));
        }
        if (!(t.clipNorm() >= 0)) {
            problems.add(new SpecProblem("training.clipNorm", "the gradient clipping norm must be >= 0 (0 = off)"));
        }
        double lr = spec.optimizer().learningRate();
        if (!(lr > 0) || Double.isInfinite(lr)) {
            problems.add(new SpecProblem("optimizer.learningRate", "the learning rate must be a positive number"));
        }
        if (!(spec.optimizer().weightDecay() >= 0)) {
            problems.add(new SpecProblem("optimizer.weightDecay", "weight decay must be >= 0"));
        }
    }
}
