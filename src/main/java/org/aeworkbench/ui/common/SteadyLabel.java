package org.aeworkbench.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A wrapped label that keeps the room its longest expected text needs at its width, whatever it
 * says now: empty, "computing…" or the figures. What is laid out above it (a chart) then keeps its
 * size when the text changes, so it neither jumps under the pointer nor redraws all of itself (a
 * chart's canvas redraws on every resize, on the FX thread: 10-20 ms for a scatter's frame). A
 * longer text still gets the room it needs.
 *
 * <p>The room is measured by a second, invisible label with the longest text and the same style
 * classes, so it wraps in the same font, spacing and insets as the one shown.
 */
public final class SteadyLabel extends StackPane {

    private final Label shown = new Label();

    /**
     * @param longest a text as long as the longest the label is expected to show
     * @param id      the shown label's id
     * @param styles  style classes of both labels
     */
    public SteadyLabel(String longest, String id, String... styles) {
        Label room = new Label(longest);
        room.setVisible(false); // still laid out: its height is the room kept
        for (Label l : new Label[] {room, shown}) {
            l.setWrapText(true);
            l.getStyleClass().addAll(styles);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        shown.setId(id);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(room, shown);
    }

    /** The label shown, whose text changes. */
    public Label label() {
        return shown;
    }
}
