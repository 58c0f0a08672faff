package org.aeworkbench.engine.train;

/**
 * Thread-safe handle to a running training: pause, resume and cancel from any thread (the UI's).
 * The trainer checks it between steps, so the model is never left half-updated.
 */
public final class TrainingControl {

    private boolean paused;
    private volatile boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Stops after the current step; also releases a paused trainer. */
    public synchronized void cancel() {
        cancelled = true;
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Blocks the training thread while paused; returns false when cancelled. */
    synchronized boolean awaitRunnable() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        return !cancelled;
    }
}
