package org.aeworkbench.ui.design;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.engine.model.LayerRow;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.common.Formats;

/**
 * The layer stack in three zones (encoder, code, decoder) with the shapes flowing between
 * layers, each layer's parameter count, the total, Mirror encoder and Tie weights. Layers are
 * dropped in from the palette, reordered by dragging, deleted with the Delete key or the context
 * menu, and edited in place. The view is rebuilt from the model on every change.
 */
public final class DesignerView extends ScrollPane implements LayerDrag.Target {

    private final DesignModel model;
    private final LayerDrag drag;
    private final VBox content = new VBox();
    private final Map<Zone, VBox> zones = new EnumMap<>(Zone.class);
    private final Region marker = new Region();
    private final CheckBox mirror = new CheckBox("Mirror encoder");
    private final CheckBox tie = new CheckBox("Tie weights");

    public DesignerView(DesignModel model, LayerDrag drag) {
        this.model = model;
        this.drag = drag;
        getStyleClass().add("designer");
        setId("designer");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.getStyleClass().add("designer-content");
        setContent(content);
        marker.getStyleClass().add("drop-marker");
        marker.setManaged(true);

        mirror.setId("mirror-encoder");
        mirror.setTooltip(new Tooltip("Keep the decoder the encoder's mirror image: edits to the encoder rewrite the decoder"));
        mirror.setOnAction(e -> model.setMirrored(mirror.isSelected()));
        tie.setId("tie-weights");
        tie.setTooltip(new Tooltip("Decoder layers use the transposed encoder weights (W' = W\u1d40), halving the weights"));
        tie.setOnAction(e -> model.setTiedWeights(tie.isSelected()));

        model.stateProperty().addListener((obs, old, now) -> render());
        model.problemsProperty().addListener((obs, old, now) -> render());
        model.selectionProperty().addListener((obs, old, now) -> render());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        content.setOnMouseClicked(e -> {
            if (e.getTarget() == content) {
                model.select(null);
            }
            requestFocus();
        });
        drag.setTarget(this);
        render();
    }

    private void onKey(KeyEvent e) {
        if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)
                && !(e.getTarget() instanceof TextInputControl) && model.selection() != null) {
            model.removeSelected();
            e.consume();
        }
    }

    private void render() {
        ModelSpec spec = model.spec();
        List<LayerRow> rows = model.rowsProperty().get();
        Shape input = model.inputShape();
        content.getChildren().clear();
        zones.clear();

        Label flow = new Label(flowText(input, rows));
        flow.getStyleClass().add("shape-flow");
        flow.setId("shape-flow");
        flow.setWrapText(true);
        Label in = new Label("Input  " + (input.isVector() ? input.toString() : input + " = " + input.size()));
        in.getStyleClass().add("io-row");
        content.getChildren().addAll(flow, in);

        int codeIndex = spec.encoder().size() - 1;
        VBox encoder = zone(Zone.ENCODER, "Encoder", "Drop layers here: hidden layers of the encoder");
        VBox code = zone(Zone.CODE, "Code", "Drop a layer here: the code (the latent representation)");
        VBox decoder = zone(Zone.DECODER, "Decoder", "Drop layers here, or use Mirror encoder");
        for (int i = 0; i < rows.size(); i++) {
            LayerRow row = rows.get(i);
            boolean isDecoder = i > codeIndex;
            LayerPath path = isDecoder ? LayerPath.decoder(i - codeIndex - 1) : LayerPath.encoder(i);
            VBox box = isDecoder ? decoder : i == codeIndex ? code : encoder;
            LayerCard card = new LayerCard(model, row, path, model.problemsAt(path),
                    path.equals(model.selection()));
            drag.install(card, () -> new LayerDrag.ExistingLayer(path, row.spec().kind() + " " + row.spec().units()),
                    e -> {
                        model.select(path);
                        requestFocus();
                    });
            box.getChildren().add(card);
            box.getChildren().add(connector(row));
        }
        for (VBox box : List.of(encoder, code, decoder)) {
            if (box.getChildren().size() == 1) {
                Label hint = new Label((String) box.getUserData());
                hint.getStyleClass().add("zone-hint");
                hint.setWrapText(true);
                box.getChildren().add(hint);
            }
        }
        content.getChildren().addAll(encoder, code, decoder);

        Label out = new Label(outputText(input, rows));
        out.getStyleClass().add("io-row");
        Label total = new Label("Total parameters  " + Formats.count(model.parameterCountProperty().get()));
        total.getStyleClass().add("total-params");
        total.setId("total-params");
        content.getChildren().addAll(out, total);

        for (SpecProblem p : model.generalProblems()) {
            Label l = new Label("\u26a0 " + p.message());
            l.getStyleClass().add("design-problem");
            l.setWrapText(true);
            l.setTooltip(new Tooltip(p.field()));
            content.getChildren().add(l);
        }

        mirror.setSelected(model.mirrored());
        tie.setSelected(spec.has(TiedWeightsSpec.class));
        boolean tieAllowed = spec.variant(VariationalSpec.class) == null;
        tie.setDisable(!tieAllowed && !spec.has(TiedWeightsSpec.class));
        HBox options = new HBox(16, mirror, tie);
        options.getStyleClass().add("designer-options");
        content.getChildren().add(options);
    }

    private VBox zone(Zone zone, String title, String hint) {
        VBox box = new VBox();
        box.getStyleClass().addAll("zone", "zone-" + zone.name().toLowerCase());
        box.setId("zone-" + zone.name().toLowerCase());
        box.setUserData(hint);
        Label t = new Label(title.toUpperCase());
        t.getStyleClass().add("zone-title");
        box.getChildren().add(t);
        zones.put(zone, box);
        return box;
    }

    private static Node connector(LayerRow row) {
        Label l = new Label(row.output() == null ? "\u2193 ?" : "\u2193 " + row.output());
        l.getStyleClass().add("shape-connector");
        return l;
    }

    /** "784 → 256 → 2 → 256 → 784", with "?" after a layer whose shape is unknown. */
    static String flowText(Shape input, List<LayerRow> rows) {
        StringJoiner j = new StringJoiner(" \u2192 ");
        j.add(Integer.toString(input.size()));
        for (LayerRow r : rows) {
            j.add(r.output() == null ? "?" : r.output().toString());
        }
        return j.toString();
    }

    private static String outputText(Shape input, List<LayerRow> rows) {
        if (rows.isEmpty() || rows.get(rows.size() - 1).output() == null) {
            return "Output  ?";
        }
        int size = rows.get(rows.size() - 1).output().size();
        return "Output  " + size + (size == input.size() ? "  \u2713 matches the input" : "  \u2260 input " + input.size());
    }

    // ---- drop target ----

    private record Spot(Zone zone, int index) {
    }

    /** The zone under a scene point, and the insertion index among its cards by the pointer's height. */
    private Spot spotAt(Point2D scene) {
        for (Map.Entry<Zone, VBox> e : zones.entrySet()) {
            Bounds b = e.getValue().localToScene(e.getValue().getBoundsInLocal());
            if (b.contains(scene)) {
                int index = 0;
                List<LayerCard> cards = new ArrayList<>();
                for (Node n : e.getValue().getChildren()) {
                    if (n instanceof LayerCard c) {
                        cards.add(c);
                    }
                }
                for (LayerCard c : cards) {
                    Bounds cb = c.localToScene(c.getBoundsInLocal());
                    if (scene.getY() > cb.getMinY() + cb.getHeight() / 2) {
                        index++;
                    }
                }
                int base = cards.isEmpty() ? 0 : cards.get(0).path().index();
                return new Spot(e.getKey(), base + index);
            }
        }
        return null;
    }

    @Override
    public boolean hover(Point2D scenePoint, LayerDrag.Payload payload) {
        clear();
        Spot spot = spotAt(scenePoint);
        if (spot == null) {
            return false;
        }
        VBox box = zones.get(spot.zone());
        box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop"), true);
        int cardsBefore = spot.index() - firstIndex(box);
        int childIndex = 1; // after the title
        int seen = 0;
        for (int i = 1; i < box.getChildren().size() && seen < cardsBefore; i++) {
            if (box.getChildren().get(i) instanceof LayerCard) {
                seen++;
                childIndex = i + 2; // after the card and its connector
            }
        }
        if (spot.zone() != Zone.CODE) {
            box.getChildren().add(Math.min(childIndex, box.getChildren().size()), marker);
        }
        return true;
    }

    private static int firstIndex(VBox box) {
        for (Node n : box.getChildren()) {
            if (n instanceof LayerCard c) {
                return c.path().index();
            }
        }
        return 0;
    }

    @Override
    public void drop(Point2D scenePoint, LayerDrag.Payload payload) {
        Spot spot = spotAt(scenePoint);
        if (spot == null) {
            return;
        }
        if (payload instanceof LayerDrag.NewLayer n) {
            model.insertLayer(n.entry().prototype(), spot.zone(), spot.index());
        } else if (payload instanceof LayerDrag.ExistingLayer l) {
            model.moveLayer(l.path(), spot.zone(), spot.index());
        }
    }

    @Override
    public void clear() {
        for (VBox box : zones.values()) {
            box.getChildren().remove(marker);
            box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop"), false);
        }
    }
}
