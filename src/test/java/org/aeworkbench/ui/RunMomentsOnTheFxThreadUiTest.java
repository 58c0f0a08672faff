package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A run's start and end split across FX tasks, so that no one task holds the FX thread for all of
 * a moment a first run does for the first time (docs/performance.md, round seventeen).
 */
@ExtendWith(ApplicationExtension.class)
class RunMomentsOnTheFxThreadUiTest {

    private static PreparedData digits;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
    }

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
        WorkbenchModel wb = readyToTrain(m -> { });

        Set<Thread> started = TestWindow.fx(() -> {
            Set<Thread> before = trainingThreads();
            wb.train();
            Set<Thread> after = trainingThreads();
            after.removeAll(before);
            return after;
        });
        assertEquals(State.RUNNING, TestWindow.fx(() -> wb.training().state()));
        assertEquals(Set.of(), started, "no training thread started in the press's task");
        TestWindow.waitFor(60, () -> TestWindow.fx(() -> wb.training().state() == State.IDLE));
        assertTrue(TestWindow.fx(() -> wb.training().epochsTrainedProperty().get()) > 0, "the run trained once it started");
        TestWindow.fx(() -> {
            wb.close();
            return null;
        });
    }

    /**
     * The run's thread waits a frame longer than the press's own: it starts after the press's second
     * pulse, so an animation timer started with the press sees it at the third pulse's start at the
     * earliest.
     */
    @Test
    void theRunsThreadStartsAFrameAfterThePress() throws Exception {
        WorkbenchModel wb = readyToTrain(200, m -> { });
        int[] pulses = {0};
        int[] firstSeenAt = {0};
        TestWindow.fx(() -> {
            wb.train();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses[0]++;
                    if (!trainingThreads().isEmpty()) {
                        firstSeenAt[0] = pulses[0];
                        stop();
                    }
                }
            }.start();
            return null;
        });
        TestWindow.waitFor(60, () -> TestWindow.fx(() -> firstSeenAt[0] > 0));
        TestWindow.fx(() -> {
            wb.training().stop();
            return null;
        });
        TestWindow.waitFor(60, () -> TestWindow.fx(() -> wb.training().state() == State.IDLE));
        assertTrue(firstSeenAt[0] >= 3, "the run's thread was there at pulse " + firstSeenAt[0] + " after the press");
        TestWindow.fx(() -> {
            wb.close();
            return null;
        });
    }

    private static Set<Thread> trainingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ae-training") && t.isAlive())
                .collect(Collectors.toSet());
    }

    /**
     * The run's end reaches the FX thread in tasks: the last update's status and model first, each
     * view's share of it next, and the change to idle last. A task posted as the model arrives
     * therefore runs after the model but before the views take the update and before the state
     * changes; with the end in one task it would run after them all. The hand-off's timer (half a
     * second) drains a run that outlasts it on its way too; one that lands just as the run ends
     * leaves the last drain the weights alone, or brings them twice. Such a run is repeated, up to
     * five times, until one ends with one drain of weights and points.
     */
    @Test
    void theLastUpdateAndTheChangeToIdleAreTasksOfTheirOwn() throws Exception {
        List<String> events = new ArrayList<>();
        WorkbenchModel wb = readyToTrain(m -> {
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
        });

        List<String> end = List.of();
        for (int run = 0; run < 5 && !endedInOneDrain(end); run++) {
            TestWindow.fx(() -> {
                events.clear();
                wb.train();
                return null;
            });
            TestWindow.waitFor(60, () -> TestWindow.fx(() -> wb.training().state() == State.IDLE));
            List<String> seen = TestWindow.fx(() -> List.copyOf(events));
            assertTrue(seen.contains("model"), "the run's weights reached the session: " + seen);
            end = seen.subList(seen.indexOf("model"), seen.size());
        }
        assertEquals(List.of("model", "task posted with the model", "update", "idle"), end, "the run's end, in order");
        TestWindow.fx(() -> {
            wb.close();
            return null;
        });
    }

    /** Whether a run's events from its first model on hold that model only, and an update. */
    private static boolean endedInOneDrain(List<String> end) {
        return end.lastIndexOf("model") == 0 && end.contains("update");
    }

    /** A window's model (no window) on the digits, one epoch, {@code listen} added, once it may train. */
    private static WorkbenchModel readyToTrain(Consumer<WorkbenchModel> listen) throws Exception {
        return readyToTrain(1, listen);
    }

    /** The same with {@code epochs} epochs. */
    private static WorkbenchModel readyToTrain(int epochs, Consumer<WorkbenchModel> listen) throws Exception {
        WorkbenchModel wb = TestWindow.fx(() -> {
            WorkbenchModel m = new WorkbenchModel();
            m.data().set(digits);
            m.design().reset(m.design().spec().withTraining(m.design().spec().training().withEpochs(epochs)));
            listen.accept(m);
            return m;
        });
        TestWindow.waitFor(60, () -> TestWindow.fx(() -> wb.trainBlockedProperty().get().isEmpty()));
        return wb;
    }
}
