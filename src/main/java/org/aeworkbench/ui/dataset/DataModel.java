package org.aeworkbench.ui.dataset;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.DatasetInfo;
import org.aeworkbench.data.DatasetRegistry;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Jobs;

/**
 * The data the workbench trains on: which set (a registry name or a file), how it is split, and
 * the loaded result. Loading and splitting run off the FX thread as a cancellable job; the
 * property changes on the FX thread. One load runs at a time: a newer load, or data set directly,
 * cancels it, and a cancelled load leaves the current data as it was.
 */
public final class DataModel {

    private final ObjectProperty<PreparedData> current = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Jobs jobs;
    private final BiFunction<DataReference, PreparationKey, PreparedData> loader;
    private Task<PreparedData> loading;
    /** The key a re-preparation running prepares for (a newer key replaces it), or null while a load runs. */
    private PreparationKey preparing;
    /** Counts loads started or superseded, so a result that arrives late is recognised as stale. */
    private long generation;

    public DataModel(Jobs jobs) {
        this(jobs, (BiFunction<DataReference, PreparationKey, PreparedData>) DataModel::prepare);
    }

    /** @param loader reads and prepares a reference on a background thread (tests pass a slow one) */
    DataModel(Jobs jobs, Function<DataReference, PreparedData> loader) {
        this(jobs, (ref, key) -> loader.apply(ref));
    }

    private DataModel(Jobs jobs, BiFunction<DataReference, PreparationKey, PreparedData> loader) {
        this.jobs = jobs;
        this.loader = loader;
    }

    public ReadOnlyObjectProperty<PreparedData> currentProperty() {
        return current;
    }

    public PreparedData current() {
        return current.get();
    }

    /** "Loading mnist…" while a load runs, why the last load failed, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    /** Names the dataset chooser offers. */
    public static List<String> bundledNames() {
        return DatasetRegistry.list().stream().map(DatasetInfo::name).toList();
    }

    /**
     * Loads and splits in the background, cancelling a load still running; {@code done} runs on
     * the FX thread with the result, {@code failed} with a message naming the file and what to
     * do, {@code cancelled} if this load is cancelled (by the user, a newer load or {@link #set}).
     */
    public void load(DataReference ref, Consumer<PreparedData> done, Consumer<String> failed, Runnable cancelled) {
        load(ref, PreparationKey.DEFAULT, done, failed, cancelled);
    }

    /** As {@link #load(DataReference, Consumer, Consumer, Runnable)}, prepared for a design's split and loss. */
    public void load(DataReference ref, PreparationKey key, Consumer<PreparedData> done, Consumer<String> failed,
                     Runnable cancelled) {
        run("Loading " + ref.source(), "Could not load " + ref.source(), () -> loader.apply(ref, key), null, done,
                failed, cancelled);
    }

    /**
     * Prepares the current data again for a design whose split or loss changed, in the background
     * from the values already loaded. Does nothing while a load runs: that load prepares for the
     * key it was started with, and the caller asks again when it lands.
     */
    public void reprepare(PreparationKey key) {
        PreparedData now = current.get();
        boolean running = loading != null;
        if (now == null || (running && preparing == null) || (running && key.equals(preparing))) {
            return; // nothing to prepare, a load that prepares for its own key, or this very preparation
        }
        if (now.fittedFor(key)) {
            if (running) {
                cancelLoad(); // a preparation for a design since left
                status.set("");
            }
            return;
        }
        String name = now.all().name();
        run("Preparing " + name, "Could not prepare " + name, () -> now.preparedFor(key), key, null, null, null);
    }

    /** @param preparation the key a re-preparation prepares for, or null for a load */
    private void run(String what, String failure, Supplier<PreparedData> work, PreparationKey preparation,
                     Consumer<PreparedData> done, Consumer<String> failed, Runnable cancelled) {
        cancelLoad();
        long ticket = generation;
        preparing = preparation;
        status.set(what + "\u2026");
        loading = jobs.run(what, work::get, prepared -> {
            if (ticket != generation) {
                return; // finished just as it was cancelled: a newer load or set() has the say
            }
            loading = null;
            status.set("");
            current.set(prepared);
            if (done != null) {
                done.accept(prepared);
            }
        }, msg -> {
            if (ticket == generation) {
                loading = null;
                status.set(failure + ": " + msg);
                if (failed != null) {
                    failed.accept(msg);
                }
            }
        }, () -> {
            if (ticket == generation) {
                status.set(""); // the user cancelled it; a newer load has set its own status
            }
            if (cancelled != null) {
                cancelled.run();
            }
        });
    }

    /** Cancels the load in progress, if any; the current data stays. */
    public void cancelLoad() {
        generation++;
        Task<PreparedData> t = loading;
        loading = null;
        if (t != null) {
            t.cancel();
        }
    }

    /** Loads on the calling thread (tests), prepared for a new design's key. */
    public static PreparedData prepare(DataReference ref) {
        return prepare(ref, PreparationKey.DEFAULT);
    }

    /** Loads on the calling thread (project files, tests), prepared for a design's split and loss. */
    public static PreparedData prepare(DataReference ref, PreparationKey key) {
        Dataset set = DataSources.load(ref.source());
        return PreparedData.of(ref, set, key);
    }

    /** Sets already-prepared data (from a project or a test) on the FX thread; a load still running is cancelled. */
    public void set(PreparedData data) {
        Background.onFx(() -> {
            cancelLoad();
            status.set("");
            current.set(data);
        });
    }
}
