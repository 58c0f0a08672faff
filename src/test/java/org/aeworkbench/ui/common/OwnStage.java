package org.aeworkbench.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stage of a test's own: the shared one keeps the size a test gives it, and the window tests
 * after it need theirs.
 */
public final class OwnStage {

    private OwnStage() {
    }

    /** Shows {@code root} in a new stage of that size (FX thread). */
    public static Stage show(Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, width, height));
        stage.show();
        return stage;
    }

    /** Closes it from a test's thread. */
    public static void close(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get();
    }
}
