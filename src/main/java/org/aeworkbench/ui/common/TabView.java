package org.aeworkbench.ui.common;

/**
 * A view in one of the window's centre tabs. The window tells it when its tab is shown or hidden
 * and when the theme changes; everything else it learns from the models it was built with.
 */
public interface TabView {

    /**
     * Called when the view's tab is shown or hidden: hidden views neither draw nor run inference,
     * so what the user is not looking at costs training nothing; they catch up when shown.
     */
    void setShowing(boolean showing);

    /** Restyles what JavaFX's stylesheets do not reach (JFreeChart charts); nothing by default. */
    default void setTheme(Theme theme) {
    }

    /**
     * Whether the view needs the weights at every epoch's end while it is shown (copying a large
     * model each epoch is not free); a view that draws only the loss curves says no.
     */
    default boolean followsWeights() {
        return true;
    }
}
