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
            Map.entry("sparsity.kind", "L1: \u03bb \u03a3|h|; KL: \u03b2 \u03a3 KL(\u03c1 \u2016 \u03c1\u0302)"),
            Map.entry("sparsity.weight", "\u03bb for L1, \u03b2 for KL"),
            Map.entry("sparsity.rho", "Target mean activation \u03c1 of each unit (KL only)"),
            Map.entry("sparsity.layer", "Encoder layer penalised, 0-based; -1 is the code"),
            Map.entry("kSparse.k", "Code activations kept per sample"),
            Map.entry("kSparse.scheduleEpochs", "Epochs over which k falls from the code width to k (0 = none)"),
            Map.entry("noise.kind", "masking: zero inputs; gaussian: add N(0, level\u00b2); salt-and-pepper; patch"),
            Map.entry("noise.level", "Corruption rate, or the standard deviation for gaussian noise"),
            Map.entry("noise.clip", "Clip corrupted values to [0, 1]"),
            Map.entry("contractive.weight", "\u03bb on \u2016J_f(x)\u2016\u00b2_F"),
            Map.entry("variational.beta", "Weight of the KL term (\u03b2-VAE when not 1)"),
            Map.entry("variational.warmupEpochs", "Epochs over which the KL weight rises from 0 to \u03b2 (KL annealing; 0 = none)"),
            Map.entry("stacked.pretrainEpochs", "Epochs of greedy pretraining per layer before fine-tuning"),
            Map.entry("training.epochs", "Passes over the training split"),
            Map.entry("training.batchSize", "Samples per optimiser step"),
            Map.entry("training.seed", "Seeds initialisation, shuffling, noise and sampling: same seed, same run"),
            Map.entry("training.validationFraction", "Share of the data held out for validation"),
            Map.entry("training.patience", "Stop after this many epochs without validation improvement (0 = off)"),
            Map.entry("training.threads", "Compute threads (0 = all cores)"),
            Map.entry("training.clipNorm", "Clip the gradient's global norm to this (0 = off)"),
            Map.entry("optimizer.learningRate", "Base step size"));

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
        LayerPath path = model.selectionProperty().get();
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
                boolean.class, s.tiedWeights(), v -> model.setTiedWeights((Boolean) v)));
        part(items, "sparsity", "Sparsity", s.sparsity(), ModelSpec::sparsity, ModelSpec::withSparsity);
        part(items, "kSparse", "k-sparse", s.kSparse(), ModelSpec::kSparse, ModelSpec::withKSparse);
        part(items, "noise", "Denoising", s.noise(), ModelSpec::noise, ModelSpec::withNoise);
        part(items, "contractive", "Contractive", s.contractive(), ModelSpec::contractive, ModelSpec::withContractive);
        part(items, "variational", "Variational", s.variational(), ModelSpec::variational, ModelSpec::withVariational);
        part(items, "stacked", "Stacked", s.stacked(), ModelSpec::stacked, ModelSpec::withStacked);
        part(items, "optimizer", "Optimiser", s.optimizer(), ModelSpec::optimizer, ModelSpec::withOptimizer);
        part(items, "training", "Training", s.training(), ModelSpec::training, ModelSpec::withTraining);
        items.addAll(dataItems.get());
        return items;
    }

    /** Rows for each editable field of one variant part (or optimiser, training) when it is set. */
    private <R extends Record> void part(List<SpecItem> items, String prefix, String category, R value,
                                         Function<ModelSpec, R> get, BiFunction<ModelSpec, R, ModelSpec> set) {
        if (value == null) {
            return;
        }
        for (Records.Field f : Records.fields(value)) {
            if (!f.editable()) {
                continue;
            }
            String key = prefix + "." + f.name();
            items.add(new SpecItem(key, category, label(f.name()), HELP.getOrDefault(key, f.name()), f.type(), f.value(),
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
