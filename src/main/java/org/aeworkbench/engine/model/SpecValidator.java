package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.engine.core.Heap;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Checks a design against the data it will see, before anything is built. Every problem names
 * the field it is about, so the designer can flag the layer and the CLI can print the path.
 */
public final class SpecValidator {

    /** The most epochs a run may ask for. */
    static final int MAX_EPOCHS = 1_000_000;

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
            int index = i;
            boolean shared = spec.variants().stream().anyMatch(p -> p.sharesWeights(spec, index));
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
            String tooLarge = arrayLimit(layer, in, params);
            rows.add(new LayerRow(zone, field, layer, in, tooLarge == null ? out : null, params, tooLarge));
            return tooLarge == null ? out : null;
        } catch (SpecException e) {
            rows.add(new LayerRow(zone, field, layer, in, null, 0, e.getMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            // Shape refuses a sample of more values than an array holds (a huge upsampling, filters...).
            rows.add(new LayerRow(zone, field, layer, in, null, 0, layer.kind() + ": the output " + e.getMessage()
                    + "; make the layer smaller"));
            return null;
        }
    }

    /**
     * Why the layer's weights cannot be one Java array, or null: a dense layer of 10^9 units on
     * 784 inputs asks for 7.8 * 10^11 weights, and {@code rows * cols} in int would wrap to a
     * negative size.
     */
    private static String arrayLimit(LayerSpec layer, Shape in, long params) {
        if (params <= Heap.MAX_ARRAY) {
            return null;
        }
        String limit = String.format(Locale.ROOT, "%s has %,d parameters, more than one array can hold (%,d)",
                layer.kind(), params, Heap.MAX_ARRAY);
        return layer.units() > 0
                ? limit + String.format(Locale.ROOT, ": on %,d inputs use at most %,d units", in.size(),
                        Heap.MAX_ARRAY / ((long) in.size() + 1))
                : limit + ": use fewer filters or a smaller kernel";
    }

    /** Total trainable parameters, counting shared weights once. */
    public static long parameterCount(ModelSpec spec, Shape input) {
        long total = 0;
        for (LayerRow r : rows(spec, input)) {
            total += r.parameters();
        }
        if (!spec.variants().isEmpty()) {
            List<LayerRow> rows = rows(spec, input);
            for (VariantSpec part : spec.variants()) {
                total += part.extraParameters(spec, rows);
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
                        + (last.output().isVector() ? "" : last.output() + " = ") + last.output().size()
                        + " values but each input has " + (input.isVector() ? "" : input + " = ") + input.size() + " values: " + fix));
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

    /** Each variant part checks its own settings and its combination with the rest. */
    private static void checkVariants(ModelSpec spec, Shape input, List<SpecProblem> problems) {
        SpecCheck check = new SpecCheck(spec, input, rows(spec, input), problems);
        for (VariantSpec part : spec.variants()) {
            part.validate(check);
        }
    }

    private static void checkTraining(ModelSpec spec, List<SpecProblem> problems) {
        TrainingSpec t = spec.training();
        if (t.epochs() < 1) {
            problems.add(new SpecProblem("training.epochs", "train for at least 1 epoch"));
        } else if (t.epochs() > MAX_EPOCHS) {
            // 2^31 epochs of iris would run for years: a typo, not a plan.
            problems.add(new SpecProblem("training.epochs", "train for at most " + MAX_EPOCHS + " epochs, not "
                    + t.epochs() + "; early stopping (patience) ends a long run when it stops improving"));
        }
        if (t.batchSize() < 1) {
            problems.add(new SpecProblem("training.batchSize", "the batch size must be at least 1"));
        }
        if (!(t.validationFraction() >= 0 && t.validationFraction() < 1)) {
            problems.add(new SpecProblem("training.validationFraction", "the validation fraction must lie in [0, 1)"));
        }
        if (org.aeworkbench.engine.blas.Compute.threadsProblem(t.threads()) != null) {
            problems.add(new SpecProblem("training.threads", org.aeworkbench.engine.blas.Compute.threadsProblem(t.threads())));
        }
        if (!(t.clipNorm() >= 0) || Double.isInfinite(t.clipNorm())) {
            problems.add(new SpecProblem("training.clipNorm", "the gradient clipping norm must be >= 0 (0 = off)"));
        }
        if (t.patience() < 0) {
            problems.add(new SpecProblem("training.patience", "patience must be 0 (no early stopping) or a number of epochs"));
        }
        spec.optimizer().validate((field, message) -> problems.add(new SpecProblem("optimizer." + field, message)));
    }
}
