package org.aeworkbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workbench window. */
public class WorkbenchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("AE Workbench");
        stage.setScene(new Scene(new StackPane(new Label("AE Workbench")), 1280, 800));
        stage.show();
    }
}
