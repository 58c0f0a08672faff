package org.aeworkbench.ui.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** Work that waits for the FX thread to finish a frame. */
public final class FxFrames {

    private FxFrames() {
    }

    /**
     * Runs {@code then} on the FX thread once the next pulse (its CSS, layout and hand-over to the
     * renderer) is done: an animation timer's callback runs at a pulse's start, and a task it posts
     * runs after that pulse.
     */
    public static void afterNextPulse(Runnable then) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Platform.runLater(then);
            }
        }.start();
    }

    /** Runs {@code then} on the FX thread after {@code n} more pulses, each as {@link #afterNextPulse}; at once when n is 0. */
    public static void afterPulses(int n, Runnable then) {
        if (n <= 0) {
            then.run();
        } else {
            afterNextPulse(() -> afterPulses(n - 1, then));
        }
    }
}
