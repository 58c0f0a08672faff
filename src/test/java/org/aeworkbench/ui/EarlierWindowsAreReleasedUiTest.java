package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import javafx.event.ActionEvent;
import javafx.event.Event;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window built on a stage that showed another leaves nothing of the other alive. The UI tests
 * and measurements build one window per test or run on TestFX's one stage; each kept alive held
 * about 80 MB, and a 50-round measurement ran out of its 4 GB heap.
 */
class EarlierWindowsAreReleasedUiTest {

    @BeforeAll
    static void settings() {
        TestWindow.prepare(1);
    }

    @Test
    void aWindowBuiltOnTheSameStageReleasesTheOneBefore() throws Exception {
        FxToolkit.registerPrimaryStage();
        WeakReference<?>[] first = new WeakReference<?>[1];
        FxToolkit.setupStage(stage -> {
            TestWindow w = TestWindow.show(stage, 1260, 780);
            first[0] = new WeakReference<WorkbenchModel>(w.wb());
            // An event through the stage, as a click or a button's action is (TestFX records those).
            Event.fireEvent(w.main().root(), new ActionEvent());
        });
        FxToolkit.setupStage(stage -> TestWindow.show(stage, 1260, 780));
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 50 && first[0].get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(first[0].get(), "the first window's model is still reachable after a second window took the stage");
        FxToolkit.cleanupStages();
    }
}
