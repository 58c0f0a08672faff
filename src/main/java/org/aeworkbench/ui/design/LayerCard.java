package org.aeworkbench.ui.design;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.LayerRow;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.ui.common.Formats;

/**
 * One layer in the designer: its type and place, units and activation edited in place, its
 * parameter count, and, when the validator objects, the reason in the card itself.
 */
final class LayerCard extends VBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final int MAX_UNITS = 100_000;

    private final LayerPath path;

    LayerCard(DesignModel model, LayerRow row, LayerPath path, List<SpecProblem> problems, boolean selected) {
        this.path = path;
        getStyleClass().add("layer-card");
        setId("layer-" + path.field().replace('[', '-').replace("]", ""));
        pseudoClassStateChanged(SELECTED, selected);
        pseudoClassStateChanged(INVALID, !problems.isEmpty());
        LayerSpec layer = row.spec();

        Label kind = new Label(layer.kind());
        kind.getStyleClass().add("layer-kind");
        Label where = new Label(path.field());
        where.getStyleClass().add("layer-field");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label params = new Label(row.output() == null ? "" : Formats.count(row.parameters()) + " params");
        params.getStyleClass().add("layer-params");
        if (model.spec().has(TiedWeightsSpec.class) && path.decoder() && row.output() != null) {
            params.setText(Formats.count(row.parameters()) + " params (tied)");
        }
        // In a narrow pane the card's place in the stack gives way; its kind and size stay whole.
        kind.setMinWidth(Region.USE_PREF_SIZE);
        params.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(6, kind, where, gap, params);
        title.setAlignment(Pos.BASELINE_LEFT);

        HBox editors = new HBox(6);
        editors.setAlignment(Pos.CENTER_LEFT);
        String sizeField = sizeField(layer);
        if (sizeField != null) {
            Label unitsLabel = new Label(sizeField);
            unitsLabel.setMinWidth(Region.USE_PREF_SIZE);
            editors.getChildren().addAll(sizeEditor(model, layer, sizeField), unitsLabel);
        }
        if (Records.get((Record) layer, "activation") instanceof Activation current) {
            editors.getChildren().add(activationEditor(model, layer, current));
        }
        getChildren().addAll(title, editors);

        for (SpecProblem p : problems) {
            Label problem = new Label("\u26a0 " + p.message());
            problem.getStyleClass().add("layer-problem");
            problem.setWrapText(true);
            problem.setTooltip(new Tooltip(p.field() + ": " + p.message()));
            getChildren().add(problem);
        }
        setContextMenu(model);
    }

    LayerPath path() {
        return path;
    }

    /** The width-like field edited in place: units, filters, the upsampling factor or pool size. */
    private static String sizeField(LayerSpec layer) {
        for (String name : new String[] {"units", "filters", "factor", "size"}) {
            if (Records.get((Record) layer, name) instanceof Integer) {
                return name;
            }
        }
        return null;
    }

    private Spinner<Integer> sizeEditor(DesignModel model, LayerSpec layer, String field) {
        int current = (Integer) Records.get((Record) layer, field);
        Spinner<Integer> units = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, MAX_UNITS,
                Math.max(0, current)));
        units.setEditable(true);
        units.setPrefWidth(86);
        units.setMinWidth(70);
        units.getStyleClass().add("units-editor");
        units.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0,6}") ? change : null));
        units.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != current) {
                model.replaceLayer(path, Records.withField(layer, field, now), field + " " + old + " \u2192 " + now);
            }
        });
        // Typed text commits on focus loss too, not only on Enter.
        units.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitText(units);
            }
        });
        return units;
    }

    private static void commitText(Spinner<Integer> spinner) {
        String text = spinner.getEditor().getText();
        if (text != null && !text.isBlank()) {
            spinner.getValueFactory().setValue(Integer.parseInt(text));
        }
    }

    private ComboBox<Activation> activationEditor(DesignModel model, LayerSpec layer, Activation current) {
        ComboBox<Activation> box = new ComboBox<>();
        box.getItems().setAll(Activation.values());
        box.setValue(current);
        box.getStyleClass().add("activation-editor");
        box.setPrefWidth(116);
        box.setMinWidth(80);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Activation a) {
                return a == null ? "" : ActivationNames.of(a);
            }

            @Override
            public Activation fromString(String s) {
                return null;
            }
        });
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != current) {
                model.replaceLayer(path, Records.withField(layer, "activation", now),
                        "Activation " + ActivationNames.of(now));
            }
        });
        return box;
    }

    private void setContextMenu(DesignModel model) {
        MenuItem delete = new MenuItem("Delete layer");
        delete.setOnAction(e -> model.removeLayer(path));
        MenuItem duplicate = new MenuItem("Duplicate");
        duplicate.setOnAction(e -> {
            LayerSpec l = model.layer(path);
            model.insertLayer(l, path.decoder() ? Zone.DECODER : Zone.ENCODER, path.index() + 1);
        });
        MenuItem up = new MenuItem("Move up");
        up.setOnAction(e -> move(model, -1));
        MenuItem down = new MenuItem("Move down");
        down.setOnAction(e -> move(model, +1));
        ContextMenu menu = new ContextMenu(up, down, duplicate, new javafx.scene.control.SeparatorMenuItem(), delete);
        setOnContextMenuRequested(e -> {
            model.select(path);
            menu.show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Moves the layer one place within its own list (the code layer moves into the hidden layers). */
    private void move(DesignModel model, int delta) {
        int target = path.index() + delta;
        Zone zone = path.decoder() ? Zone.DECODER : Zone.ENCODER;
        // moveLayer inserts before the index in the list after removal; moving down needs one more.
        model.moveLayer(path, zone, delta > 0 ? target + 1 : target);
    }
}
