package org.aeworkbench.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * Progress, epoch and batch, samples per second, time left, the last message, the job running
 * in the background with its Cancel button (Escape does the same), and the BLAS backend.
 */
final class StatusBar extends HBox {

    private final HBox jobBox;

    StatusBar(WorkbenchModel wb) {
        TrainingSession t = wb.training();
        getStyleClass().add("status-bar");
        setId("status-bar");
        ProgressBar progress = new ProgressBar();
        progress.setId("train-progress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(t.progressProperty());
        Text epoch = liveText("status-epoch");
        epoch.textProperty().bind(t.epochTextProperty());
        Text rate = liveText("status-rate");
        rate.textProperty().bind(t.rateTextProperty());
        Text eta = liveText("status-eta");
        eta.textProperty().bind(t.etaTextProperty());
        Label message = label("status-message");
        message.getStyleClass().add("status-message");
        // What is under way or went wrong with the project or the data comes first; then the run's news.
        message.textProperty().bind(Bindings.createStringBinding(() -> !wb.project().statusProperty().get().isEmpty()
                        ? wb.project().statusProperty().get()
                        : !wb.data().status().isEmpty() ? wb.data().status() : t.messageProperty().get(),
                wb.project().statusProperty(), wb.data().statusProperty(), t.messageProperty()));
        t.messageIsProblemProperty().addListener((obs, was, bad) -> {
            if (bad) {
                message.getStyleClass().add("danger");
            } else {
                message.getStyleClass().remove("danger");
            }
        });
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(160);
        // One tooltip whose text follows: a new Tooltip per message built a popup scene and styled it
        // on the FX thread at every change (several ms, seen in the FX pause samples while training).
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(message.textProperty());
        message.setTooltip(messageTip);
        HBox.setHgrow(message, Priority.ALWAYS);
        Label job = label("status-job");
        job.textProperty().bind(Bindings.concat(wb.jobs().newestTitle(), "\u2026"));
        // "Loading mnist…" is often the message already; say it once.
        job.visibleProperty().bind(Bindings.createBooleanBinding(() -> !message.getText().startsWith(wb.jobs().newestTitle().get()),
                message.textProperty(), wb.jobs().newestTitle()));
        job.managedProperty().bind(job.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-job");
        cancel.getStyleClass().add("small");
        cancel.setFocusTraversable(false);
        cancel.setTooltip(new Tooltip("Stop it; what it would have replaced stays as it was ("
                + Shortcuts.CANCEL_JOB.display() + ")"));
        cancel.setOnAction(e -> wb.jobs().cancelNewest());
        jobBox = new HBox(6, job, cancel);
        jobBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        jobBox.visibleProperty().bind(wb.jobs().newestTitle().isNotEmpty());
        jobBox.managedProperty().bind(jobBox.visibleProperty());
        Label blas = label("status-blas");
        // The backend in short ("native BLAS, 2 threads"), the library's own description in the tooltip:
        // the message beside it needs the room more.
        blas.textProperty().bind(Bindings.createStringBinding(() -> "BLAS: "
                + t.backendProperty().get().replaceAll("\\s*\\([^)]*\\)", ""), t.backendProperty()));
        blas.setMinWidth(60);
        Tooltip blasTip = new Tooltip();
        blasTip.textProperty().bind(Bindings.concat("BLAS: ", t.backendProperty()));
        blas.setTooltip(blasTip);
        job.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(progress, epoch, rate, eta, new Separator(Orientation.VERTICAL), message, jobBox,
                new Separator(Orientation.VERTICAL), blas);
    }

    /**
     * As tall with a job's Cancel button as without: a bar that grew and shrank as jobs came and
     * went (the PCA fit as data arrives, a data load, an export) resized the centre, and every chart
     * on the tab shown redrew all of itself on the FX thread.
     */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(super.computeMinHeight(width), withJob());
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width), withJob());
    }

    private double withJob() {
        return snappedTopInset() + jobBox.prefHeight(-1) + snappedBottomInset();
    }

    /**
     * A Text rather than a Label for what changes several times a second while training: a
     * Label's skin re-adds its text node on every change, and each re-added node is matched
     * against the whole theme stylesheet again, which cost more FX-thread time than drawing the charts.
     */
    private static Text liveText(String id) {
        Text text = new Text();
        text.setId(id);
        text.getStyleClass().add("status-text");
        return text;
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }
}
