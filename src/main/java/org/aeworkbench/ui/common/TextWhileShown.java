package org.aeworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Labeled;

/**
 * A label whose text follows a model's while its tab shows, and takes the newest when it shows
 * again. A hidden tab's nodes are laid out like a shown one's: a status that changed at a run's
 * first epoch in two hidden tabs (probe, clustering) cost that epoch's end 6 to 17 ms of CSS and
 * layout on the FX thread (docs/performance.md, round twenty).
 */
public final class TextWhileShown {

    private final Labeled label;
    private final ObservableValue<String> text;

    /** Follows {@code text} at once, until told the tab is hidden. */
    public TextWhileShown(Labeled label, ObservableValue<String> text) {
        this.label = label;
        this.text = text;
        label.textProperty().bind(text);
    }

    public void setShowing(boolean showing) {
        if (showing) {
            label.textProperty().bind(text);
        } else {
            label.textProperty().unbind();
        }
    }
}
