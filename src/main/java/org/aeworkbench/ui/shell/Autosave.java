package org.aeworkbench.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.project.AutosaveStore;
import org.aeworkbench.ui.project.AutosaveStore.Orphan;
import org.aeworkbench.ui.project.ProjectModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's autosave and crash recovery. Every few minutes, if the project has unsaved
 * changes, a frozen copy is written to this session's {@link AutosaveStore} in the background
 * (one at a time); the user's own file is never touched and the project stays unsaved. At start,
 * the newest autosave a crashed window left is offered back.
 */
public final class Autosave {

    /** How often the project is autosaved while it has unsaved changes. */
    public static final Duration EVERY = Duration.minutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(Autosave.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM", Locale.ENGLISH);

    private final ProjectModel project;
    private final AutosaveStore store;
    private final Stage stage;
    /**
     * A plain scheduled thread rather than a {@code Timeline}: a running Timeline is an animation,
     * which keeps JavaFX pulsing 60 times a second for as long as the window is open.
     */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ae-autosave-timer");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper written = new ReadOnlyIntegerWrapper();
    private boolean writing;

    Autosave(ProjectModel project, AutosaveStore store, Stage stage, Duration every) {
        this.project = project;
        this.store = store;
        this.stage = stage;
        long millis = Math.max(1, (long) every.toMillis());
        timer.scheduleAtFixedRate(() -> Platform.runLater(this::saveNow), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Autosaves written by this window so far. */
    public ReadOnlyIntegerProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Stops autosaving (the window is closing). */
    public void stop() {
        timer.shutdownNow();
    }

    /** Writes the autosave now, unless nothing is unsaved or the previous autosave still runs. */
    void saveNow() {
        if (writing || !project.dirty()) {
            return;
        }
        ProjectModel.Frozen frozen = project.freeze();
        if (frozen.data() == null) {
            return; // the data is still loading: nothing a project could name yet
        }
        writing = true;
        Path file = project.file();
        Background.run("autosave", () -> {
            store.write(frozen.project(), file);
            return store.autosave();
        }, at -> {
            writing = false;
            written.set(written.get() + 1);
            LOG.info("autosaved to {}", at);
        }, msg -> writing = false); // logged by Background; a dialog every few minutes would help nobody
    }

    /**
     * Offers the newest autosave a crashed window left: Recover opens it as unsaved work with its
     * own file name, Discard deletes it, and Not now (or closing the question) keeps it for the
     * next start. Older ones stay for later starts.
     */
    public void offerRecovery() {
        List<Orphan> orphans;
        try {
            orphans = store.orphans();
        } catch (IOException e) {
            LOG.warn("cannot look for autosaves in {}", store.session().getParent(), e);
            return;
        }
        if (orphans.isEmpty()) {
            return;
        }
        Orphan newest = orphans.get(0);
        orphans.subList(1, orphans.size()).forEach(Autosave::keep);
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        // Escape and the window's close button answer with the CANCEL_CLOSE button: without one
        // they would pick Discard (a NO button counts as a cancel button) and delete the work.
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Recover the work autosaved at "
                + WHEN.format(newest.written().atZone(ZoneId.systemDefault())) + " (" + newest.title() + ")?",
                recover, discard, later);
        alert.setHeaderText("AE Workbench did not close normally.");
        alert.getDialogPane().lookupButton(recover).setId("recover-button");
        alert.getDialogPane().lookupButton(discard).setId("discard-autosave-button");
        alert.initOwner(stage);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == recover) {
            recover(newest);
        } else if (answer.isPresent() && answer.get() == discard) {
            try {
                newest.discard();
            } catch (IOException e) {
                LOG.warn("cannot delete the autosave in {}", newest.folder(), e);
            }
        } else {
            keep(newest);
        }
    }

    /**
     * Opens the orphan as unsaved work that saves to its own file. It is copied into this
     * session's autosave before anything else, and deleted only once it is open here; if its
     * recovery fails or is cancelled it is kept for the next start.
     */
    void recover(Orphan orphan) {
        var job = project.recover(() -> {
            var p = orphan.load();
            store.write(p, orphan.projectFile());
            return p;
        }, orphan.projectFile(), () -> {
            try {
                orphan.discard();
            } catch (IOException e) {
                LOG.warn("recovered, but cannot delete the autosave in {}", orphan.folder(), e);
            }
        }, msg -> {
            keep(orphan);
            String sentence = msg.endsWith(".") ? msg : msg + ".";
            ErrorDialog.show(stage, "Could not recover the autosave", sentence + " It is kept in " + orphan.folder()
                    + " and offered again at the next start.", null);
        });
        if (job != null) {
            job.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> keep(orphan));
        }
    }

    private static void keep(Orphan o) {
        try {
            o.close();
        } catch (IOException e) {
            LOG.warn("cannot release the autosave in {}", o.folder(), e);
        }
    }
}
