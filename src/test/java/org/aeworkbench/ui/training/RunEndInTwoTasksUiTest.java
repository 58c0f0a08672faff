package org.aeworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A run's end reaches the FX thread as two tasks: the last update first, the change to idle in a
 * task of its own (docs/performance.md, round seventeen). A task the views post while they take
 * the last update therefore runs before the state changes; in one task it would run after.
 */
@ExtendWith(ApplicationExtension.class)
class RunEndInTwoTasksUiTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: the session is what is tested
    }

    @Test
    void theLastUpdateIsATaskBeforeTheChangeToIdle() throws Exception {
        PreparedData digits = DataModel.prepare(DataReference.of("mnist").withLimit(300));
        RecentProjects recent = new RecentProjects(Preferences.userRoot().node("org/aeworkbench/ui-test"));
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger(); // tasks posted by an update's listener, not yet run
        List<Integer> pendingAtIdle = new ArrayList<>();
        WorkbenchModel wb = fx(() -> {
            WorkbenchModel m = new WorkbenchModel(recent);
            m.data().set(digits);
            m.design().reset(m.design().spec().withTraining(m.design().spec().training().withEpochs(1)));
            m.training().addListener(u -> {
                if (u.reset()) {
                    return;
                }
                updates.incrementAndGet();
                pending.incrementAndGet();
                Platform.runLater(pending::decrementAndGet);
            });
            m.training().stateProperty().addListener((obs, old, now) -> {
                if (now == State.IDLE) {
                    pendingAtIdle.add(pending.get());
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

        assertTrue(updates.get() > 0, "the run handed the views updates");
        assertEquals(List.of(0), fx(() -> List.copyOf(pendingAtIdle)),
                "a task posted while the views took the last update ran before the change to idle");
        fx(() -> {
            wb.close();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
