package org.aeworkbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.shell.MainWindow;

/**
 * The workbench window. It opens on the bundled MNIST sample with the reference design
 * (784-512-128-2, a 2-D code) ready, so one click on Train shows the curves and scatters move.
 */
public class WorkbenchApp extends Application {

    private WorkbenchModel model;

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
        stage.setScene(new Scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight())));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.show();
        window.views().designer().requestFocus();
        model.loadData(DataReference.of(WorkbenchModel.DEFAULT_DATA));
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }
}
