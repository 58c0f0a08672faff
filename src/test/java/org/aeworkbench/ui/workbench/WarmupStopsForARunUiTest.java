package org.aeworkbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.project.RecentProjects;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window starts the engine's warm-up when it is built and stops it when a run starts. */
@ExtendWith(ApplicationExtension.class)
class WarmupStopsForARunUiTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: the model is what is tested
    }

    @Test
    void aWindowStartsTheWarmupAndItsFirstRunStopsIt() throws Exception {
        PreparedData digits = DataModel.prepare(DataReference.of("mnist").withLimit(300));
        FirstRunWarmup warmup = new FirstRunWarmup(600_000); // ten minutes: only the run can stop it within the test
        RecentProjects recent = new RecentProjects(Preferences.userRoot().node("org/aeworkbench/ui-test"));
        WorkbenchModel wb = fx(() -> {
            WorkbenchModel m = new WorkbenchModel(recent, warmup);
            m.data().set(digits);
            m.design().reset(m.design().spec().withTraining(m.design().spec().training().withEpochs(1)));
            return m;
        });
        assertEquals(1, warmup.timersStarted(), "building the window started the warm-up");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> warmup.steps() > 0); // the warm-up trains
        assertTrue(warmup.alive());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> wb.trainBlockedProperty().get().isEmpty()));

        fx(() -> {
            wb.train();
            return null;
        });
        assertEquals(State.RUNNING, fx(() -> wb.training().state()));
        warmup.join(30_000);
        assertFalse(warmup.alive(), "still warming while the run trains");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> wb.training().state() == State.IDLE));
        fx(() -> {
            wb.close();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
