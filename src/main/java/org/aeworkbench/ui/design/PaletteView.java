package org.aeworkbench.ui.design;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The layer types, as chips to drag into the designer. A double click adds the layer as the
 * last hidden layer of the encoder, for those who would rather not drag.
 */
public final class PaletteView extends VBox {

    public PaletteView(DesignModel model, LayerDrag drag) {
        getStyleClass().add("palette");
        setId("palette");
        Label title = new Label("LAYERS");
        title.getStyleClass().add("section-title");
        FlowPane chips = new FlowPane(6, 6);
        chips.getStyleClass().add("palette-chips");
        for (Palette.Entry entry : Palette.entries()) {
            Label chip = new Label(entry.name());
            chip.getStyleClass().add("palette-item");
            chip.setId("palette-" + entry.name().toLowerCase().replace(' ', '-'));
            chip.setTooltip(new Tooltip(entry.description() + "\nDrag into the designer, or double-click to add to the encoder."));
            drag.install(chip, () -> new LayerDrag.NewLayer(entry), e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    model.insertLayer(entry.prototype(), Zone.ENCODER, Integer.MAX_VALUE);
                }
            });
            chips.getChildren().add(chip);
        }
        getChildren().addAll(title, chips);
    }
}
