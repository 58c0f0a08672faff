package org.aeworkbench.ui.common;

/**
 * Defers a view's background refresh while its tab is hidden: hidden tabs neither draw nor run
 * inference, so training keeps the cores. The newest request runs once the tab is shown again.
 */
public final class RefreshWhenShown {

    private final Runnable refresh;
    private boolean showing;
    private boolean stale;

    public RefreshWhenShown(Runnable refresh) {
        this.refresh = refresh;
    }

    /** Called when the view's tab is shown or hidden; showing a stale view refreshes it. */
    public void setShowing(boolean on) {
        showing = on;
        if (on && stale) {
            refresh.run();
        }
    }

    /** At the start of a refresh: true (and remembered) when the view is hidden and should wait. */
    public boolean deferIfHidden() {
        if (!showing) {
            stale = true;
            return true;
        }
        stale = false;
        return false;
    }
}
