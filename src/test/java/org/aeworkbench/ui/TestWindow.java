package org.aeworkbench.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.shell.MainWindow;
import org.testfx.util.WaitForAsyncUtils;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The workbench window as the UI tests and measurements open it, and the waits they share.
 *
 * @param stage the window's stage
 * @param wb    its model
 * @param main  the window itself
 */
record TestWindow(Stage stage, WorkbenchModel wb, MainWindow main) {

    /**
     * Sets what every UI test needs before the toolkit starts (the test preferences node, a headless
     * screen large enough for the window, or Monocle's frame buffer overflows) and loads the first
     * {@code samples} images of the bundled MNIST sample.
     */
    static PreparedData prepare(int samples) {
        System.setProperty("aeworkbench.prefs", "org/aeworkbench/ui-test");
        System.setProperty("headless.geometry", "1600x1000-32");
        return DataModel.prepare(DataReference.of("mnist").withLimit(samples));
    }

    /** Builds the window on {@code stage} and shows it (FX thread). */
    static TestWindow show(Stage stage, int width, int height) {
        WorkbenchModel wb = new WorkbenchModel();
        MainWindow main = new MainWindow(wb, stage);
        stage.setScene(new Scene(main.root(), width, height));
        main.show();
        return new TestWindow(stage, wb, main);
    }

    /** Waits until {@code condition} holds, then until the FX events it caused have run. */
    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
