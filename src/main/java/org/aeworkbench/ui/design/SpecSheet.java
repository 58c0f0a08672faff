package org.aeworkbench.ui.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import org.aeworkbench.engine.model.LayerRow;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.model.VariantSpec;
import org.aeworkbench.engine.model.VariantType;
import org.aeworkbench.engine.optim.OptimizerSettings;
import org.controlsfx.control.PropertySheet;

/**
 * The ControlsFX property sheet for the selection: a layer's own fields when a layer is
 * selected, otherwise the model's loss, the variant's parameters (rho and beta for KL sparsity,
 * the noise kind and level, k, the contractive lambda, the VAE's beta...), the optimiser, the
 * training settings and the data. Fields are read from the spec records themselves, so a new
 * field or layer type appears without code here.
 */
public final class SpecSheet extends PropertySheet {

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("units", "Output width of the layer"),
            Map.entry("activation", "Element-wise non-linearity applied to the layer's output"),
            Map.entry("training.epochs", "Passes over the training split"),
            Map.entry("training.batchSize", "Samples per optimiser step"),
            Map.entry("training.seed", "Seeds initialisation, shuffling, noise and sampling: same seed, same run"),
            Map.entry("training.validationFraction", "Share of the data held out for validation"),
            Map.entry("training.patience", "Stop after this many epochs without validation improvement (0 = off)"),
            Map.entry("training.threads", "Compute threads (0 = all cores)"),
            Map.entry("training.clipNorm", "Clip the gradient's global norm to this (0 = off)"),
            Map.entry("optimizer.learningRate", "Base step size"),
            Map.entry("optimizer.weightDecay", "L2 penalty \u03bb\u2016W\u2016\u00b2 on the weights, not the biases"),
            Map.entry("optimizer.momentum", "Velocity decay \u03bc in [0, 1) (Sutskever et al. 2013)"),
            Map.entry("optimizer.beta1", "Adam's first-moment decay \u03b2\u2081 in [0, 1) (0.9 in Kingma and Ba)"),
            Map.entry("optimizer.beta2", "Adam's second-moment decay \u03b2\u2082 in [0, 1) (0.999 in Kingma and Ba)"),
            Map.entry("optimizer.decay", "RMSProp's mean-square decay in [0, 1) (0.9 in Tieleman and Hinton)"),
            Map.entry("optimizer.epsilon", "Added to the denominator, above 0 (1e-8)"));

    private final DesignModel model;
    private Supplier<List<SpecItem>> dataItems = List::of;

    public SpecSheet(DesignModel model) {
        this.model = model;
        setId("property-sheet");
        setMode(Mode.CATEGORY);
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setPropertyEditorFactory(new PropertyEditors());
        model.stateProperty().addListener((obs, old, now) -> update());
        model.selectionProperty().addListener((obs, old, now) -> update());
        update();
    }

    /** Read-only rows about the data, shown with the model's settings. */
    public void setDataItems(Supplier<List<SpecItem>> items) {
        this.dataItems = items;
        update();
    }

    /** Rebuilds the rows when the set of fields changed, else refreshes the values in place. */
    public void update() {
        List<SpecItem> next = items();
        ObservableList<Item> current = getItems();
        boolean sameKeys = current.size() == next.size();
        for (int i = 0; sameKeys && i < next.size(); i++) {
            sameKeys = ((SpecItem) current.get(i)).key().equals(next.get(i).key());
        }
        if (sameKeys) {
            for (int i = 0; i < next.size(); i++) {
                ((SpecItem) current.get(i)).refresh(next.get(i).getValue());
            }
        } else {
            // Categories in the order their rows come, not alphabetically.
            java.util.Map<String, Integer> order = new java.util.HashMap<>();
            for (SpecItem item : next) {
                order.putIfAbsent(item.getCategory(), order.size());
            }
            setCategoryComparator(java.util.Comparator.comparingInt(c -> order.getOrDefault(c, Integer.MAX_VALUE)));
            current.setAll(next);
        }
    }

    private List<SpecItem> items() {
        LayerPath path = model.selection();
        LayerSpec layer = model.layer(path);
        return layer != null ? layerItems(path, layer) : modelItems();
    }

    private List<SpecItem> layerItems(LayerPath path, LayerSpec layer) {
        List<SpecItem> items = new ArrayList<>();
        String category = "Layer " + path.field();
        for (Records.Field f : Records.fields((Record) layer)) {
            if (f.editable()) {
                items.add(new SpecItem(path.field() + "." + f.name(), category, label(f.name()),
                        HELP.getOrDefault(f.name(), f.name()), f.type(), f.value(),
                        v -> model.replaceLayer(path, Records.withField(layer, f.name(), v), label(f.name()) + " " + v)));
            }
        }
        LayerRow row = rowOf(path);
        if (row != null) {
            String info = "Shape";
            items.add(readOnly("layer.kind", info, "Type", layer.kind()));
            items.add(readOnly("layer.in", info, "Input", row.input() == null ? "?" : row.input().toString()));
            items.add(readOnly("layer.out", info, "Output", row.output() == null ? "?" : row.output().toString()));
            items.add(readOnly("layer.params", info, "Parameters", String.format("%,d", row.parameters())));
        }
        return items;
    }

    private LayerRow rowOf(LayerPath path) {
        for (LayerRow r : model.rowsProperty().get()) {
            if (r.field().equals(path.field())) {
                return r;
            }
        }
        return null;
    }

    private List<SpecItem> modelItems() {
        ModelSpec s = model.spec();
        List<SpecItem> items = new ArrayList<>();
        items.add(new SpecItem("model.name", "Model", "Name", "Name saved with the design", String.class, s.name(),
                v -> model.edit("Rename", m -> m.withName(v.toString()))));
        items.add(new SpecItem("model.loss", "Model", "Loss", "Reconstruction loss", s.loss().getClass(), s.loss(),
                v -> model.setLoss((org.aeworkbench.engine.loss.ReconstructionLoss) v)));
        items.add(new SpecItem("model.tiedWeights", "Model", "Tied weights", "Decoder uses the transposed encoder weights",
                boolean.class, s.has(TiedWeightsSpec.class), v -> model.setTiedWeights((Boolean) v)));
        for (VariantSpec part : s.variants()) {
            variantPart(items, part);
        }
        part(items, "optimizer", "Optimiser", s.optimizer(), ModelSpec::optimizer, ModelSpec::withOptimizer);
        optimizerSettings(items, s.optimizer().settings());
        part(items, "training", "Training", s.training(), ModelSpec::training, ModelSpec::withTraining);
        items.addAll(dataItems.get());
        return items;
    }

    /** Rows for each editable field of a variant part, with the help its type gives. */
    private <R extends Record & VariantSpec> void variantPart(List<SpecItem> items, VariantSpec part) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) part.getClass();
        VariantType<?> t = part.type();
        // A lambda, not ModelSpec::with: javac links a method reference through R's first bound (Record),
        // which the runtime refuses for with(VariantSpec) (LambdaConversionException when a variant is set).
        part(items, t.id(), t.category(), type.cast(part), m -> m.variant(type), (m, v) -> m.with(v), t.help());
    }

    /** Rows for the chosen optimiser's own settings (Adam's betas, the momentum...). */
    private <R extends Record & OptimizerSettings> void optimizerSettings(List<SpecItem> items, OptimizerSettings settings) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) settings.getClass();
        part(items, "optimizer", "Optimiser", type.cast(settings), m -> type.cast(m.optimizer().settings()),
                (m, r) -> m.withOptimizer(m.optimizer().withSettings(r)));
    }

    /** Rows for each editable field of the optimiser or the training settings. */
    private <R extends Record> void part(List<SpecItem> items, String prefix, String category, R value,
                                         Function<ModelSpec, R> get, BiFunction<ModelSpec, R, ModelSpec> set) {
        part(items, prefix, category, value, get, set, Map.of());
    }

    /** Rows for each editable field of one part when it is set; help by field name, else from {@link #HELP}. */
    private <R extends Record> void part(List<SpecItem> items, String prefix, String category, R value,
                                         Function<ModelSpec, R> get, BiFunction<ModelSpec, R, ModelSpec> set,
                                         Map<String, String> help) {
        if (value == null) {
            return;
        }
        for (Records.Field f : Records.fields(value)) {
            if (!f.editable()) {
                continue;
            }
            String key = prefix + "." + f.name();
            String text = help.getOrDefault(f.name(), HELP.getOrDefault(key, f.name()));
            items.add(new SpecItem(key, category, label(f.name()), text, f.type(), f.value(),
                    v -> model.edit(category + " " + label(f.name()).toLowerCase() + " " + v,
                            m -> set.apply(m, Records.with(get.apply(m), f.name(), v)))));
        }
    }

    static SpecItem readOnly(String key, String category, String name, Object value) {
        return new SpecItem(key, category, name, name, String.class, value, null);
    }

    /** "learningRate" as "Learning rate". */
    static String label(String field) {
        String spaced = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
