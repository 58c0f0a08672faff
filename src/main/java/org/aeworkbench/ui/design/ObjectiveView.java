package org.aeworkbench.ui.design;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.engine.loss.ReconstructionLoss;

/**
 * The variant and loss choosers: each with a sentence saying what it does and its formula set
 * large in a serif face, so the objective being minimised is always in view.
 */
public final class ObjectiveView extends VBox {

    private final ComboBox<Variant> variant = new ComboBox<>();
    private final ComboBox<ReconstructionLoss> loss = new ComboBox<>();
    private final Label variantText = new Label();
    private final Label variantFormula = new Label();
    private final Label lossFormula = new Label();
    private boolean updating;

    public ObjectiveView(DesignModel model) {
        getStyleClass().add("objective");
        setId("objective");
        variant.setId("variant-chooser");
        variant.getItems().setAll(Variant.all());
        variant.setMaxWidth(Double.MAX_VALUE);
        loss.setId("loss-chooser");
        loss.getItems().setAll(ReconstructionLoss.values());
        loss.setMaxWidth(Double.MAX_VALUE);
        loss.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ReconstructionLoss l) {
                return l == null ? "" : l.title();
            }

            @Override
            public ReconstructionLoss fromString(String s) {
                return null;
            }
        });
        variantText.getStyleClass().add("explanation");
        variantText.setWrapText(true);
        variantFormula.getStyleClass().add("formula");
        variantFormula.setId("variant-formula");
        variantFormula.setWrapText(true);
        lossFormula.getStyleClass().add("formula");
        lossFormula.setId("loss-formula");
        lossFormula.setWrapText(true);
        variantText.setMinWidth(0);
        variantText.maxWidthProperty().bind(widthProperty().subtract(20));
        variantText.setMinHeight(Region.USE_PREF_SIZE);
        for (Label l : new Label[] {variantFormula, lossFormula}) {
            // Formulas are broken into lines by hand (see lines()), at their terms, not wrapped.
            l.setWrapText(false);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }

        Label vTitle = new Label("VARIANT");
        vTitle.getStyleClass().add("section-title");
        Label lTitle = new Label("RECONSTRUCTION LOSS  \u2113");
        lTitle.getStyleClass().add("section-title");
        getChildren().addAll(vTitle, variant, variantText, variantFormula, lTitle, loss, lossFormula);

        variant.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null && now != Variant.of(model.spec())) {
                model.edit("Variant: " + now.title(), now::applyTo);
            }
        });
        loss.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null && now != model.spec().loss()) {
                model.setLoss(now);
            }
        });
        model.stateProperty().addListener((obs, old, now) -> show(model));
        show(model);
    }

    /** Longest formula line before it is broken at its terms (the right pane is narrow). */
    private static final int LINE = 30;

    /**
     * A formula set on several lines: one per clause (clauses are separated by a comma and spaces,
     * "z = mu + sigma e,   e ~ N(0, I)"), and a long clause broken before each top-level "+".
     */
    static String lines(String formula) {
        StringBuilder out = new StringBuilder();
        for (String clause : formula.split(",\\s{2,}")) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (clause.length() <= LINE) {
                out.append(clause);
                continue;
            }
            int depth = 0;
            int lineStart = out.length();
            for (int i = 0; i < clause.length(); i++) {
                char c = clause.charAt(i);
                depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
                boolean plus = (c == '+' || c == '\u2212') && i > 0 && clause.charAt(i - 1) == ' ';
                if (plus && depth <= 1 && out.length() - lineStart > 8) {
                    out.setLength(out.length() - 1);
                    out.append("\n    ");
                    lineStart = out.length();
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private void show(DesignModel model) {
        updating = true;
        try {
            Variant v = Variant.of(model.spec());
            variant.setValue(v);
            variantText.setText(v.explanation());
            variantFormula.setText(lines(v.formula()));
            ReconstructionLoss l = model.spec().loss();
            loss.setValue(l);
            lossFormula.setText(lines(l.formula()));
        } finally {
            updating = false;
        }
    }
}
