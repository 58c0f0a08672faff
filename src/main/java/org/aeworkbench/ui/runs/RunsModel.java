package org.aeworkbench.ui.runs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.ui.run.RunEnd;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * The runs of the project: every training run that completed at least one epoch is recorded
 * when it ends, in order. The Runs tab lists them and overlays the curves of those selected;
 * the commands rename, delete and select them; a project saves them and brings them back.
 */
public final class RunsModel {

    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> selection = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens to its list weakly, so one made per call loses its listeners.
    private final ObservableList<RunRecord> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunRecord> selectionView = FXCollections.unmodifiableObservableList(selection);
    /** Changes whenever the runs change (recorded, renamed, deleted, restored), so a project knows it has unsaved work. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private int nextId = 1;

    public RunsModel(TrainingSession training) {
        training.addRunEndListener(this::ended);
    }

    /** Every run, oldest first (read-only). */
    public ObservableList<RunRecord> runs() {
        return runsView;
    }

    /** The runs selected together, in the order of {@link #runs()} (read-only). */
    public ObservableList<RunRecord> selection() {
        return selectionView;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The runs as they are now, for saving. */
    public List<RunRecord> list() {
        return List.copyOf(runs);
    }

    // ---- commands ----

    /** Records a run (the training session's end, or a test's). */
    public void record(RunRecord r) {
        runs.add(r);
        nextId = Math.max(nextId, r.id() + 1);
        revision.set(revision.get() + 1);
    }

    /** Selects the runs with these ids (others are deselected); unknown ids are ignored. */
    public void select(Collection<Integer> ids) {
        Set<Integer> wanted = Set.copyOf(ids);
        List<RunRecord> now = runs.stream().filter(r -> wanted.contains(r.id())).toList();
        if (!now.equals(selection)) {
            selection.setAll(now);
        }
    }

    /** Selects the newest {@code n} runs (Show me, in a lesson that compares runs). */
    public void selectNewest(int n) {
        select(runs.subList(Math.max(0, runs.size() - n), runs.size()).stream().map(RunRecord::id).toList());
    }

    public void rename(int id, String name) {
        String n = name == null ? "" : name.strip();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            if (r.id() == id && !n.isEmpty() && !n.equals(r.name())) {
                RunRecord renamed = r.withName(n);
                runs.set(i, renamed);
                int s = selection.indexOf(r);
                if (s >= 0) {
                    selection.set(s, renamed);
                }
                revision.set(revision.get() + 1);
            }
        }
    }

    public void delete(Collection<Integer> ids) {
        Set<Integer> gone = Set.copyOf(ids);
        if (runs.removeIf(r -> gone.contains(r.id()))) {
            selection.removeIf(r -> gone.contains(r.id()));
            revision.set(revision.get() + 1);
        }
    }

    /** Replaces every run with a project's (an empty list for a new project or one saved before runs were kept). */
    public void restore(List<RunRecord> saved) {
        selection.clear();
        runs.setAll(saved);
        nextId = 1 + saved.stream().mapToInt(RunRecord::id).max().orElse(0);
        revision.set(revision.get() + 1);
    }

    /** The id the next recorded run gets. */
    public int nextId() {
        return nextId;
    }

    private void ended(RunEnd end) {
        RunRecord r = RunRecords.of(nextId, end);
        if (r != null) {
            record(r);
        }
    }

    /** Ids of the runs selected, in order (tests, lessons). */
    public List<Integer> selectedIds() {
        return new ArrayList<>(selection.stream().map(RunRecord::id).toList());
    }
}
