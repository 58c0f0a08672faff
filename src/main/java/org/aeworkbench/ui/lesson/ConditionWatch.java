package org.aeworkbench.ui.lesson;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.lesson.Condition;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * A step's condition as the window observes it: whether it holds now, what can change that (so
 * it is checked again only then), what to tell the student while waiting, and Show me, which makes
 * it come true the way a student would.
 *
 * @param holds   whether the condition holds now
 * @param depends what the answer depends on
 * @param waiting what the student is asked to do, shown until it holds
 * @param show    Show me: does it, or tells {@code problem} why it cannot
 */
record ConditionWatch(BooleanSupplier holds, List<Observable> depends, String waiting, Consumer<Consumer<String>> show) {

    /** The Latent space tab's title, where points are clicked and scores shown. */
    static final String LATENT_TAB = "Latent space";
    /** The application tabs that work on the trained model's codes beside PCA's. */
    static final String RETRIEVAL_TAB = "Retrieval";
    static final String CLUSTERING_TAB = "Clustering";
    static final String PROBE_TAB = "Probe";

    /**
     * @param answered whether the step's answer was shown; @param reveal shows it
     */
    static ConditionWatch of(Condition c, LessonHost host, ObservableValue<Boolean> answered, Runnable reveal) {
        WorkbenchModel wb = host.workbench();
        TrainingSession t = wb.training();
        List<Observable> training = List.of(t.stateProperty(), t.modelProperty(), t.epochsTrainedProperty(),
                wb.design().stateProperty());
        String arg = c.argument();
        return switch (c.kind()) {
            case NONE -> new ConditionWatch(() -> true, List.of(), "", problem -> { });
            case TAB -> new ConditionWatch(() -> arg.equals(host.shownTab().get()), List.of(host.shownTab()),
                    "Open the " + arg + " tab.", problem -> host.showTab(arg));
            case PRESET -> new ConditionWatch(() -> arg.equals(wb.design().spec().name()), List.of(wb.design().stateProperty()),
                    "Choose the preset " + arg + " (Presets in the toolbar).", problem -> wb.applyPreset(arg));
            case TRAINED_EPOCHS -> new ConditionWatch(() -> idle(wb) && epochsOfDesign(wb) >= c.count(), training,
                    "Train the design for at least " + c.count() + (c.count() == 1 ? " epoch" : " epochs")
                            + " (Train, Ctrl+Enter).", problem -> train(wb, problem));
            case VALIDATION_LOSS_BELOW -> new ConditionWatch(() -> idle(wb) && validationLoss(wb) < c.number(), training,
                    "Train until the validation loss is below " + arg + ".", problem -> train(wb, problem));
            case CLICKED_CLASS -> new ConditionWatch(() -> arg.equals(host.clickedClass().getValue()), List.of(host.clickedClass()),
                    "In the " + LATENT_TAB + " tab, click a point of class " + arg + ".", problem -> {
                        host.showTab(LATENT_TAB);
                        if (!host.clickPointOfClass(arg)) {
                            problem.accept("No point of class " + arg + " is drawn: train the design first.");
                        }
                    });
            case LATENT_SCORES -> new ConditionWatch(() -> host.latentScored().get(), List.of(host.latentScored()),
                    "Open the " + LATENT_TAB + " tab and read the scores under the two plots (they appear once training has ended).",
                    problem -> host.showTab(LATENT_TAB));
            case RUNS_COMPARED -> new ConditionWatch(() -> wb.runs().selection().size() >= c.count(), List.of(wb.runs().selection()),
                    "In the Runs tab, select " + c.count() + " runs (Ctrl+click) to overlay their curves.", problem -> {
                        host.showTab("Runs");
                        if (wb.runs().runs().size() < c.count()) {
                            problem.accept("Only " + wb.runs().runs().size() + " runs are recorded; train another first.");
                        }
                        wb.runs().selectNewest(c.count());
                    });
            case ANOMALY_SCORED -> new ConditionWatch(() -> host.anomalyScored().get(), List.of(host.anomalyScored()),
                    "In the Anomaly tab, choose the normal classes and press its Train.", problem -> {
                        host.showTab("Anomaly");
                        host.scoreAnomalies();
                    });
            case RETRIEVAL_QUERIED -> new ConditionWatch(() -> host.retrievalQueried().get(), List.of(host.retrievalQueried()),
                    "In the " + RETRIEVAL_TAB + " tab, click a held-out sample: its nearest training samples appear by code,"
                            + " by PCA and by pixels.", problem -> {
                        host.showTab(RETRIEVAL_TAB);
                        if (needsModel(wb, problem)) {
                            host.queryRetrieval();
                        }
                    });
            case CLUSTERED -> new ConditionWatch(() -> host.clustered().get(), List.of(host.clustered()),
                    "In the " + CLUSTERING_TAB + " tab, press Cluster.", problem -> {
                        host.showTab(CLUSTERING_TAB);
                        if (needsModel(wb, problem)) {
                            host.cluster();
                        }
                    });
            case PROBED -> new ConditionWatch(() -> host.probed().get(), List.of(host.probed()),
                    "In the " + PROBE_TAB + " tab, press Run probe.", problem -> {
                        host.showTab(PROBE_TAB);
                        if (needsModel(wb, problem)) {
                            host.runProbe();
                        }
                    });
            case ANSWERED -> new ConditionWatch(() -> Boolean.TRUE.equals(answered.getValue()), List.of(answered),
                    "Write your answer below, then show the answer.", problem -> reveal.run());
        };
    }

    /** Whether a trained model is there for an application tab to use; if not, tells the student. */
    private static boolean needsModel(WorkbenchModel wb, Consumer<String> problem) {
        if (wb.training().model() == null) {
            problem.accept("There is no trained model yet: train the design first.");
            return false;
        }
        return true;
    }

    private static boolean idle(WorkbenchModel wb) {
        return wb.training().state() == TrainingSession.State.IDLE;
    }

    /** Epochs the trained model has, when it is the design as it is now (not one the design has since left). */
    static int epochsOfDesign(WorkbenchModel wb) {
        TrainedModel m = wb.training().model();
        return m != null && m.weights().spec().equals(wb.design().spec()) ? m.epochs() : 0;
    }

    private static double validationLoss(WorkbenchModel wb) {
        if (epochsOfDesign(wb) == 0) {
            return Double.NaN;
        }
        var epochs = wb.training().history().epochs();
        EpochSnapshot last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).snapshot();
        return last == null || last.validation() == null ? Double.NaN : last.validation().total();
    }

    /**
     * Presses Train. Data being loaded or prepared for the design is waited for, as a student
     * would wait for the button; a design that cannot train says why.
     */
    static void train(WorkbenchModel wb, Consumer<String> problem) {
        if (!idle(wb)) {
            return;
        }
        String blocked = wb.trainBlockedProperty().get();
        if (blocked.isEmpty()) {
            wb.train();
            return;
        }
        String status = wb.data().status().toLowerCase(Locale.ROOT);
        if (status.startsWith("loading") || status.startsWith("preparing")) {
            wb.trainBlockedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends String> obs, String old, String now) {
                    if (now.isEmpty() || !wb.data().status().toLowerCase(Locale.ROOT).matches("(loading|preparing).*")) {
                        obs.removeListener(this);
                        if (now.isEmpty()) {
                            wb.train();
                        } else {
                            problem.accept(now);
                        }
                    }
                }
            });
            return;
        }
        problem.accept(blocked);
    }
}
