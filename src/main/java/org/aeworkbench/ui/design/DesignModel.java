package org.aeworkbench.ui.design;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.ActivatedSpec;
import org.aeworkbench.engine.model.LayerRow;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The design being edited: the current spec, its undo and redo history, the data shape it is
 * checked against, and what the validator says about it. Views read the properties and change
 * the design only through the named commands below; every command is one undoable step.
 */
public final class DesignModel {

    private final ObjectProperty<DesignState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Shape> inputShape = new SimpleObjectProperty<>(Shape.vector(784));
    private final ObjectProperty<Boolean> dataInUnitInterval = new SimpleObjectProperty<>(Boolean.TRUE);
    private final ObjectProperty<List<LayerRow>> rows = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<SpecProblem>> problems = new SimpleObjectProperty<>(List.of());
    private final SimpleLongProperty parameterCount = new SimpleLongProperty();
    private final ObjectProperty<LayerPath> selection = new SimpleObjectProperty<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty redoText = new SimpleStringProperty("Redo");
    /** Bumped on every change of the design, so "unsaved work" can compare revisions. */
    private final SimpleLongProperty revision = new SimpleLongProperty();

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    /** A history entry: the state to return to and the name of the edit it undoes or redoes. */
    private record Step(DesignState target, String what) {
    }

    public DesignModel(ModelSpec initial, Shape input, Boolean inUnit) {
        inputShape.set(input);
        dataInUnitInterval.set(inUnit);
        state.set(new DesignState(initial, isMirror(initial, input)));
        state.addListener((obs, old, now) -> refresh());
        inputShape.addListener((obs, old, now) -> refresh());
        dataInUnitInterval.addListener((obs, old, now) -> refresh());
        refresh();
    }

    // ---- read side ----

    public ModelSpec spec() {
        return state.get().spec();
    }

    public ReadOnlyObjectProperty<DesignState> stateProperty() {
        return state;
    }

    public boolean mirrored() {
        return state.get().mirrored();
    }

    public Shape inputShape() {
        return inputShape.get();
    }

    public ReadOnlyObjectProperty<Shape> inputShapeProperty() {
        return inputShape;
    }

    public Boolean dataInUnitInterval() {
        return dataInUnitInterval.get();
    }

    public ReadOnlyObjectProperty<List<LayerRow>> rowsProperty() {
        return rows;
    }

    public ReadOnlyObjectProperty<List<SpecProblem>> problemsProperty() {
        return problems;
    }

    public List<SpecProblem> problems() {
        return problems.get();
    }

    public ReadOnlyLongProperty parameterCountProperty() {
        return parameterCount;
    }

    /** The selected layer, or null (the property sheet then shows the model's settings). */
    public ReadOnlyObjectProperty<LayerPath> selectionProperty() {
        return selection;
    }

    public LayerPath selection() {
        return selection.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText;
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    /** Values in the code (its output size, for dense and convolutional codes alike), or 0 when unknown. */
    public int codeWidth() {
        int code = spec().encoder().size() - 1;
        List<LayerRow> r = rows.get();
        return code >= 0 && code < r.size() && r.get(code).output() != null ? r.get(code).output().size() : 0;
    }

    /** The layer at {@code path}, or null when there is none. */
    public LayerSpec layer(LayerPath path) {
        if (path == null) {
            return null;
        }
        List<LayerSpec> list = path.decoder() ? spec().decoder() : spec().encoder();
        return path.index() >= 0 && path.index() < list.size() ? list.get(path.index()) : null;
    }

    /** Problems whose field names this layer ("decoder[0].units" belongs to decoder[0]). */
    public List<SpecProblem> problemsAt(LayerPath path) {
        List<SpecProblem> at = new ArrayList<>();
        for (SpecProblem p : problems()) {
            if (path.equals(LayerPath.parse(p.field()))) {
                at.add(p);
            }
        }
        return at;
    }

    /** Problems that belong to no single layer (loss, variant, training, an empty stack). */
    public List<SpecProblem> generalProblems() {
        return problems().stream().filter(p -> LayerPath.parse(p.field()) == null).toList();
    }

    // ---- commands ----

    /** Selects the layer at {@code path}, or nothing with null; not an edit of the design. */
    public void select(LayerPath path) {
        selection.set(layer(path) == null ? null : path);
    }

    /** Deletes the selected layer, if any. */
    public void removeSelected() {
        if (selection.get() != null) {
            removeLayer(selection.get());
        }
    }

    /** Applies a named edit to the spec as one undoable step; edits that change nothing are dropped. */
    public void edit(String what, UnaryOperator<ModelSpec> change) {
        ModelSpec now = change.apply(spec());
        commit(what, new DesignState(keepMirror(now, mirrored()), mirrored()));
    }

    /** Replaces the whole design (a preset, an opened file) as one undoable step. */
    public void replace(String what, ModelSpec spec) {
        selection.set(null);
        commit(what, new DesignState(spec, isMirror(spec, inputShape())));
    }

    /** Starts over with this design and no history (a project was opened). */
    public void reset(ModelSpec spec) {
        undo.clear();
        redo.clear();
        selection.set(null);
        state.set(new DesignState(spec, isMirror(spec, inputShape())));
        updateHistoryProperties();
    }

    /** Changes the data the design is checked against; with Mirror on, the output layer follows its size. */
    public void setData(Shape shape, Boolean inUnit) {
        dataInUnitInterval.set(inUnit);
        inputShape.set(shape);
        if (mirrored()) {
            ModelSpec fitted = keepMirror(spec(), true);
            if (!fitted.equals(spec())) {
                commit("Fit output to data", new DesignState(fitted, true));
            }
        }
    }

    public void insertLayer(LayerSpec layer, Zone zone, int index) {
        ModelSpec s = spec();
        List<LayerSpec> enc = new ArrayList<>(s.encoder());
        List<LayerSpec> dec = new ArrayList<>(s.decoder());
        LayerPath placed = insertInto(enc, dec, layer, zone, index);
        boolean mirror = mirrored() && zone != Zone.DECODER;
        commit("Add " + layer.kind() + " layer", new DesignState(keepMirror(s.withLayers(enc, dec), mirror), mirror));
        selection.set(placed);
    }

    public void moveLayer(LayerPath from, Zone zone, int index) {
        ModelSpec s = spec();
        List<LayerSpec> enc = new ArrayList<>(s.encoder());
        List<LayerSpec> dec = new ArrayList<>(s.decoder());
        List<LayerSpec> source = from.decoder() ? dec : enc;
        if (from.index() >= source.size()) {
            return;
        }
        LayerSpec layer = source.remove(from.index());
        int target = index;
        boolean sameList = from.decoder() == (zone == Zone.DECODER);
        if (sameList && zone != Zone.CODE && from.index() < index) {
            target--; // the removal shifted everything after it
        }
        LayerPath placed;
        if (zone == Zone.CODE) {
            // A layer moved onto the code becomes the new code; the old code stays as a hidden layer.
            enc.add(layer);
            placed = LayerPath.encoder(enc.size() - 1);
        } else {
            placed = insertInto(enc, dec, layer, zone, target);
        }
        boolean mirror = mirrored() && zone != Zone.DECODER && !from.decoder();
        commit("Move " + layer.kind() + " layer", new DesignState(keepMirror(s.withLayers(enc, dec), mirror), mirror));
        selection.set(placed);
    }

    public void removeLayer(LayerPath path) {
        ModelSpec s = spec();
        List<LayerSpec> enc = new ArrayList<>(s.encoder());
        List<LayerSpec> dec = new ArrayList<>(s.decoder());
        List<LayerSpec> list = path.decoder() ? dec : enc;
        if (path.index() >= list.size()) {
            return;
        }
        LayerSpec removed = list.remove(path.index());
        boolean mirror = mirrored() && !path.decoder();
        commit("Delete " + removed.kind() + " layer", new DesignState(keepMirror(s.withLayers(enc, dec), mirror), mirror));
        selection.set(null);
    }

    public void replaceLayer(LayerPath path, LayerSpec layer, String what) {
        ModelSpec s = spec();
        List<LayerSpec> enc = new ArrayList<>(s.encoder());
        List<LayerSpec> dec = new ArrayList<>(s.decoder());
        List<LayerSpec> list = path.decoder() ? dec : enc;
        if (path.index() >= list.size() || list.get(path.index()).equals(layer)) {
            return;
        }
        list.set(path.index(), layer);
        // Editing a mirrored decoder by hand ends the mirroring, except for the output layer's
        // activation, which the mirror keeps.
        boolean outputLayer = path.decoder() && path.index() == dec.size() - 1;
        boolean mirror = mirrored() && (!path.decoder() || outputLayer && layer.units() == s.decoder().get(path.index()).units());
        commit(what, new DesignState(keepMirror(s.withLayers(enc, dec), mirror), mirror));
        selection.set(path);
    }

    public void setMirrored(boolean on) {
        if (on == mirrored()) {
            return;
        }
        commit(on ? "Mirror encoder" : "Stop mirroring", new DesignState(keepMirror(spec(), on), on));
    }

    public void setTiedWeights(boolean on) {
        edit(on ? "Tie weights" : "Untie weights", s -> on ? s.with(TiedWeightsSpec.ON) : s.without(TiedWeightsSpec.class));
    }

    public void setLoss(ReconstructionLoss loss) {
        edit("Loss: " + loss.title(), s -> s.withLoss(loss));
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Step step = undo.pop();
        redo.push(new Step(state.get(), step.what()));
        restore(step.target());
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Step step = redo.pop();
        undo.push(new Step(state.get(), step.what()));
        restore(step.target());
    }

    // ---- internals ----

    private void restore(DesignState s) {
        LayerPath sel = selection.get();
        state.set(s);
        if (sel != null && layer(sel) == null) {
            selection.set(null);
        }
        updateHistoryProperties();
    }

    private void commit(String what, DesignState next) {
        if (next.equals(state.get())) {
            return;
        }
        undo.push(new Step(state.get(), what));
        redo.clear();
        state.set(next);
        updateHistoryProperties();
    }

    private void updateHistoryProperties() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().what());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().what());
    }

    private void refresh() {
        ModelSpec s = spec();
        Shape in = inputShape();
        rows.set(List.copyOf(SpecValidator.rows(s, in)));
        problems.set(List.copyOf(SpecValidator.validate(s, in, dataInUnitInterval())));
        parameterCount.set(SpecValidator.parameterCount(s, in));
        revision.set(revision.get() + 1);
    }

    private static LayerPath insertInto(List<LayerSpec> enc, List<LayerSpec> dec, LayerSpec layer, Zone zone, int index) {
        return switch (zone) {
            case ENCODER -> {
                int hidden = Math.max(0, enc.size() - 1);
                int at = Math.max(0, Math.min(index, hidden));
                enc.add(at, layer);
                yield LayerPath.encoder(at);
            }
            case CODE -> {
                if (enc.isEmpty()) {
                    enc.add(layer);
                } else {
                    enc.set(enc.size() - 1, layer);
                }
                yield LayerPath.encoder(enc.size() - 1);
            }
            case DECODER -> {
                int at = Math.max(0, Math.min(index, dec.size()));
                dec.add(at, layer);
                yield LayerPath.decoder(at);
            }
        };
    }

    /** With {@code mirror}, the spec whose decoder is the encoder's mirror, sized to the data. */
    private ModelSpec keepMirror(ModelSpec s, boolean mirror) {
        if (!mirror || s.encoder().isEmpty()) {
            return s;
        }
        return s.withLayers(s.encoder(), ModelSpec.mirrorDecoder(s.encoder(), inputShape(), outputActivation(s)));
    }

    /** The output activation to keep when re-mirroring: the current one, else what the loss wants. */
    private static Activation outputActivation(ModelSpec s) {
        if (!s.decoder().isEmpty() && s.decoder().get(s.decoder().size() - 1) instanceof ActivatedSpec last) {
            return last.activation();
        }
        return s.loss() == ReconstructionLoss.BCE ? Activation.SIGMOID : Activation.IDENTITY;
    }

    /** Whether the decoder already is the encoder's mirror, so opening a preset keeps Mirror on. */
    private static boolean isMirror(ModelSpec s, Shape input) {
        return !s.encoder().isEmpty()
                && s.decoder().equals(ModelSpec.mirrorDecoder(s.encoder(), input, outputActivation(s)));
    }
}
