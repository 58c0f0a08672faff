package org.aeworkbench.ui.dataset;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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
    private final Function<DataReference, PreparedData> loader;
    private Task<PreparedData> loading;
    /** Counts loads started or superseded, so a result that arrives late is recognised as stale. */
    private long generation;

    public DataModel(Jobs jobs) {
        this(jobs, DataModel::prepare);
    }

    /** @param loader reads and prepares a reference on a background thread (tests pass a slow one) */
    DataModel(Jobs jobs, Function<DataReference, PreparedData> loader) {
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
        cancelLoad();
        long ticket = generation;
        status.set("Loading " + ref.source() + "\u2026");
        loading = jobs.run("Loading " + ref.source(), () -> loader.apply(ref), prepared -> {
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
                status.set("Could not load " + ref.source() + ": " + msg);
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

    /** Loads on the calling thread (tests, project files). */
    public static PreparedData prepare(DataReference ref) {
        Dataset set = DataSources.load(ref.source());
        return PreparedData.of(ref, set);
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
