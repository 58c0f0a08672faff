package org.aeworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.project.RecentProjects;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run's start and end split across FX tasks, so that no one task holds the FX thread for all of
 * a moment a first run does for the first time (docs/performance.md, round seventeen).
 */
@ExtendWith(ApplicationExtension.class)
class RunMomentsOnTheFxThreadUiTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: the session is what is tested
    }

    /**
     * The run's thread starts after the press's frame, not in the press's task: the press and its
     * frame have the cores, and the thread's start is a task of its own.
     */
    @Test
    void theRunsThreadStartsAfterThePressIsDrawn() throws Exception {
        PreparedData digits = DataModel.prepare(DataReference.of("mnist").withLimit(300));
        RecentProjects recent = new RecentProjects(Preferences.userRoot().node("org/aeworkbench/ui-test"));
        WorkbenchModel wb = fx(() -> {
            WorkbenchModel m = new WorkbenchModel(recent);
            m.data().set(digits);
            m.design().reset(m.design().spec().withTraining(m.design().spec().training().withEpochs(1)));
            return m;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> wb.trainBlockedProperty().get().isEmpty()));

        long[] trainingThreads = fx(() -> {
            long before = trainingThreads();
            wb.train();
            return new long[] {before, trainingThreads()};
        });
        assertEquals(State.RUNNING, fx(() -> wb.training().state()));
        assertEquals(trainingThreads[0], trainingThreads[1], "no training thread started in the press's task");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> wb.training().state() == State.IDLE));
        assertTrue(fx(() -> wb.training().epochsTrainedProperty().get()) > 0, "the run trained once it started");
        fx(() -> {
            wb.close();
            return null;
        });
    }

    private static long trainingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ae-training") && t.isAlive()).count();
    }

    /**
     * The run's end reaches the FX thread in tasks: the last update's status and model first, each
     * view's share of it next, and the change to idle last. A task posted as the model arrives
     * therefore runs after the model but before the views take the update and before the state
     * changes; with the end in one task it would run after them all.
     */
    @Test
    void theLastUpdateAndTheChangeToIdleAreTasksOfTheirOwn() throws Exception {
        PreparedData digits = DataModel.prepare(DataReference.of("mnist").withLimit(300));
        RecentProjects recent = new RecentProjects(Preferences.userRoot().node("org/aeworkbench/ui-test"));
        List<String> events = new ArrayList<>();
        WorkbenchModel wb = fx(() -> {
            WorkbenchModel m = new WorkbenchModel(recent);
            m.data().set(digits);
            m.design().reset(m.design().spec().withTraining(m.design().spec().training().withEpochs(1)));
            m.training().modelProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    events.add("model");
                    Platform.runLater(() -> events.add("task posted with the model"));
                }
            });
            m.training().addListener(u -> {
                if (!u.reset()) {
                    events.add("update");
                }
            });
            m.training().stateProperty().addListener((obs, old, now) -> {
                if (now == State.IDLE) {
                    events.add("idle");
                }
            });
            return m;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> wb.trainBlockedProperty().get().isEmpty()));

        fx(() -> {
            wb.train();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> wb.training().state() == State.IDLE));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> seen = fx(() -> List.copyOf(events));
        int lastModel = seen.lastIndexOf("model");
        assertTrue(lastModel >= 0, "the run's weights reached the session: " + seen);
        assertEquals(List.of("model", "task posted with the model", "update", "idle"), seen.subList(lastModel, seen.size()),
                "the run's end, in order");
        fx(() -> {
            wb.close();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
