package org.aeworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The slow operations the user started and may cancel (loading data, opening a project, fitting
 * PCA, exports), so the status bar can name the newest and offer Cancel. Cancelling interrupts
 * the work and drops its result: whatever it would have replaced stays as it was. Lives on the
 * FX thread.
 */
public final class Jobs {

    /** A running job: what the status bar says, and its task. */
    public record Job(String title, Task<?> task) {
    }

    private final ObservableList<Job> running = FXCollections.observableArrayList();
    private final StringBinding newest = Bindings.createStringBinding(
            () -> running.isEmpty() ? "" : running.get(running.size() - 1).title(), running);

    /**
     * Runs {@code work} in the background as a job (see {@link Background#run(String, Callable,
     * Consumer, Consumer, Runnable)}).
     *
     * @param title     what the status bar says while it runs, e.g. "Loading mnist"
     * @param cancelled runs on the FX thread if the job is cancelled; may be null
     */
    public <T> Task<T> run(String title, Callable<T> work, Consumer<T> done, Consumer<String> failed, Runnable cancelled) {
        Task<T> task = Background.run(title, work, done, failed, cancelled);
        Job job = new Job(title, task);
        running.add(job);
        // The state changes on the FX thread, after this method returns, so no ending is missed.
        task.stateProperty().addListener((obs, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                running.remove(job);
            }
        });
        return task;
    }

    /** The newest running job's title, or empty when none runs. */
    public StringBinding newestTitle() {
        return newest;
    }

    public ObservableList<Job> running() {
        return FXCollections.unmodifiableObservableList(running);
    }

    /** Cancels the newest running job; false when none runs. */
    public boolean cancelNewest() {
        if (running.isEmpty()) {
            return false;
        }
        running.get(running.size() - 1).task().cancel();
        return true;
    }
}
