package org.aeworkbench.ui.common;

import javafx.application.Platform;
import javafx.geometry.Insets;
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
 *
 * <p>The label shown is not managed: this pane places it. A managed label's new text asks every
 * container up to the window's root to lay itself out again, and at a run's start or its first
 * live update that pass took the FX thread 10-40 ms (docs/performance.md, round eight); here a
 * text that fits the room kept lays out the label alone. One that needs more room asks this pane's
 * parents as before.
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
        shown.setManaged(false);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(room, shown);
        shown.textProperty().addListener((obs, old, now) -> {
            if (!fits()) {
                requestLayout();
            } else {
                // After the label's skin has taken the text (its listener comes after this one).
                Platform.runLater(this::layOutShownIfStranded);
            }
        });
    }

    /**
     * JavaFX reaches an unmanaged node in a layout pass through its parents' dirty flags, and the
     * label can be left out. Its request marks the parents up to the first one already marked, on
     * the assumption that the marks above go on to the scene's root. They need not: a node that asks
     * for a layout while its parent is laying out is marked but its parent is not, so after that
     * pass a marked branch can hang under a clean root, which the next pass never enters. Flags read
     * when the latent scores arrived after a run: label needs layout, every parent up to the
     * BorderPane marked, the scene's root clean. The scores were set but never drawn
     * ({@code LatentScoresAreDrawnUiTest}). The label is laid out here, alone, when it still waits.
     */
    private void layOutShownIfStranded() {
        if (shown.isNeedsLayout() && getScene() != null) {
            shown.layout();
        }
    }

    /** The label shown, whose text changes. */
    public Label label() {
        return shown;
    }

    /** Whether the text shown fits the room this pane was last given. */
    private boolean fits() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        return w > 0 && shown.prefHeight(w) <= h + 0.5;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        return Math.max(super.computePrefHeight(width), in.getTop() + shown.prefHeight(inner) + in.getBottom());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Insets in = getInsets();
        shown.resizeRelocate(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom());
    }
}
