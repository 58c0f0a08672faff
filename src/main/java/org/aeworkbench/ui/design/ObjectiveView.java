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
        variant.getItems().setAll(Variant.values());
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
        for (Label l : new Label[] {variantText, variantFormula, lossFormula}) {
            // Wrap at the pane's width rather than widen the pane.
            l.setMinWidth(0);
            l.maxWidthProperty().bind(widthProperty().subtract(snappedLeftInset() + snappedRightInset() + 20));
            l.setMinHeight(Region.USE_PREF_SIZE);
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

    private void show(DesignModel model) {
        updating = true;
        try {
            Variant v = Variant.of(model.spec());
            variant.setValue(v);
            variantText.setText(v.explanation());
            variantFormula.setText(v.formula());
            ReconstructionLoss l = model.spec().loss();
            loss.setValue(l);
            lossFormula.setText(l.formula());
        } finally {
            updating = false;
        }
    }
}
