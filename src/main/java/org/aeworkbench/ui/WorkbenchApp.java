package org.aeworkbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.project.AutosaveStore;
import org.aeworkbench.ui.shell.Autosave;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The workbench window. It opens on the bundled MNIST sample with the reference design
 * (784-512-128-2, a 2-D code) ready, so one click on Train shows the curves and scatters move; given
 * a project or model file as its one argument (a double-click on it), it opens that.
 */
public class WorkbenchApp extends Application {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkbenchApp.class);

    private WorkbenchModel model;
    private AutosaveStore autosaves;
    private Autosave autosave;

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void init() {
        org.aeworkbench.support.Logs.install("ae-workbench");
    }

    @Override
    public void start(Stage stage) {
        model = new WorkbenchModel();
        MainWindow window = new MainWindow(model, stage);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // Room for the window manager's frame: a window taller than the screen is shrunk by some
        // managers (openbox) to its minimum size rather than to the screen.
        stage.setScene(new Scene(window.root(), Math.max(MainWindow.MIN_WIDTH, Math.min(1440, screen.getWidth() - 16)),
                Math.max(MainWindow.MIN_HEIGHT, Math.min(900, screen.getHeight() - 48))));
        window.show();
        // Under openbox (seen with Xvfb) the window maps at GTK's default 200x200, the size asked
        // for is then undone by the manager, and it stays at its minimum, 1100x700 on any screen.
        // Asked again once it is mapped, the size holds.
        double width = stage.getWidth();
        double height = stage.getHeight();
        javafx.application.Platform.runLater(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        java.util.List<String> args = getParameters().getRaw();
        if (args.size() == 1) {
            // Opened with a project or model file (a double-click on it): open that instead of the sample.
            Path file = Path.of(args.get(0)).toAbsolutePath();
            model.project().open(file, msg -> org.aeworkbench.ui.common.ErrorDialog.show(stage, "Could not open "
                    + file.getFileName(), msg, null));
        } else {
            model.loadData(DataReference.of(WorkbenchModel.DEFAULT_DATA));
        }
        try {
            autosaves = AutosaveStore.forUser();
        } catch (IOException e) {
            LOG.warn("autosave is off: cannot create its folder in {}", AutosaveStore.directory(), e);
            return;
        }
        autosave = window.startAutosave(autosaves, Autosave.EVERY);
        // After the window has drawn, so the question has the window behind it.
        Platform.runLater(autosave::offerRecovery);
    }

    /** A clean exit: the autosave goes with it (work the user chose to discard stays discarded). */
    @Override
    public void stop() {
        if (autosave != null) {
            autosave.stop();
        }
        if (autosaves != null) {
            try {
                autosaves.close();
            } catch (IOException e) {
                LOG.warn("cannot delete this session's autosave in {}", autosaves.session(), e);
            }
        }
        if (model != null) {
            model.close();
        }
    }
}
