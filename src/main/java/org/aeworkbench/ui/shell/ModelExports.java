package org.aeworkbench.ui.shell;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.export.onnx.OnnxExport;
import org.aeworkbench.export.pytorch.PytorchExport;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * File > Export's hand-overs to other engines, as the CLI's {@code export pytorch} and
 * {@code export onnx} do them: each runs as a cancellable job (named in the status bar, with its
 * Cancel), shown meanwhile in a small progress window with a spinner and Cancel of its own, and
 * when it is done a notice names what was written and offers to open the folder.
 */
final class ModelExports {

    private final WorkbenchModel wb;
    private final Stage stage;

    ModelExports(WorkbenchModel wb, Stage stage) {
        this.wb = wb;
        this.stage = stage;
    }

    /** "PyTorch package…" and the ONNX files of the three parts. */
    java.util.List<MenuItem> items() {
        MenuItem pytorch = new MenuItem("PyTorch package (train on GPUs)\u2026");
        pytorch.setId("export-pytorch");
        pytorch.setOnAction(e -> exportPytorch());
        Menu onnx = new Menu("ONNX (inference elsewhere)");
        onnx.setId("export-onnx");
        for (OnnxExport.Part part : OnnxExport.Part.values()) {
            MenuItem mi = new MenuItem(switch (part) {
                case AUTOENCODER -> "Whole autoencoder\u2026";
                case ENCODER -> "Encoder (codes; a VAE's mu and log-variance)\u2026";
                case DECODER -> "Decoder\u2026";
            });
            mi.setId("export-onnx-" + part.id());
            mi.setOnAction(e -> exportOnnx(part));
            onnx.getItems().add(mi);
        }
        return java.util.List.of(pytorch, onnx);
    }

    /** The trained weights, or the design with its seed's initial weights when nothing is trained. */
    private Autoencoder model(boolean[] trained) {
        ModelSnapshot s = wb.training().snapshot();
        trained[0] = s != null;
        return s != null ? s.build() : ModelBuilder.build(wb.design().spec(), wb.design().inputShape());
    }

    private void exportPytorch() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export a PyTorch package (a folder)");
        chooser.setInitialFileName(wb.design().spec().name() + "-pytorch");
        File f = FileDialogs.current().showSave(chooser, stage);
        if (f == null) {
            return;
        }
        boolean[] trained = new boolean[1];
        Autoencoder model;
        try {
            model = model(trained);
        } catch (RuntimeException e) {
            ErrorDialog.show(stage, "Cannot export this design", e.getMessage(), null);
            return;
        }
        Path dir = f.toPath();
        Preprocessing preparation = preparation().preprocessing();
        String title = "Exporting a PyTorch package to " + dir.getFileName();
        Progress progress = new Progress(title);
        progress.follow(wb.jobs().run(title, () -> PytorchExport.write(model, trained[0], dir,
                        model.spec().name() + ".aem", preparation),
                r -> done(progress, "PyTorch package written", dir, String.join(", ", r.files().stream()
                        .map(p -> p.getFileName().toString()).toList()) + (r.weights() ? "" : "\n(untrained: no weights)")),
                msg -> failed(progress, "Could not export the PyTorch package", dir + ": " + msg), progress::close));
    }

    private void exportOnnx(OnnxExport.Part part) {
        ModelSnapshot s = wb.training().snapshot();
        if (s == null) {
            ErrorDialog.show(stage, "Nothing to export", "Train a model first: ONNX holds trained weights.", null);
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the " + part.id() + " as ONNX");
        chooser.setInitialFileName(s.spec().name() + "-" + part.id() + ".onnx");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
        File f = FileDialogs.current().showSave(chooser, stage);
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        String title = "Exporting the " + part.id() + " to " + file.getFileName();
        String preparation = preparation().toJson().toString();
        Progress progress = new Progress(title);
        progress.follow(wb.jobs().run(title, () -> {
            OnnxExport.write(s.build(), part, file, PytorchExport.PRODUCER, preparation);
            return file;
        }, done -> done(progress, "ONNX file written", file, "the " + part.id() + " of '" + s.spec().name()
                + "', ONNX opset " + OnnxExport.OPSET), msg -> failed(progress, "Could not export ONNX", file + ": " + msg),
                progress::close));
    }

    /**
     * The data preparation of the trained weights (or, untrained, of the data loaded now), which
     * prepare(x) repeats and the ONNX metadata records.
     */
    private Preparation preparation() {
        PreparedData d = wb.training().trainedOn() != null ? wb.training().trainedOn() : wb.data().current();
        return d == null ? Preparation.none("no data loaded") : d.preparation();
    }

    private void failed(Progress progress, String header, String message) {
        progress.close();
        ErrorDialog.show(stage, header, message, null);
    }

    /**
     * A small window with a spinner while an export runs: the job's title and a Cancel, which
     * cancels the job (the previous files stay as they were).
     */
    private final class Progress {
        private final javafx.stage.Stage window = new javafx.stage.Stage();
        private javafx.concurrent.Task<?> task;

        Progress(String title) {
            javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
            spinner.setPrefSize(28, 28);
            javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
            cancel.setId("cancel-export");
            cancel.setOnAction(e -> {
                if (task != null) {
                    task.cancel();
                }
            });
            javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(12, spinner,
                    new javafx.scene.control.Label(title + "\u2026"), cancel);
            box.setId("export-progress");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setPadding(new javafx.geometry.Insets(14));
            window.initOwner(stage);
            window.setTitle("Exporting");
            window.setScene(new javafx.scene.Scene(box));
            window.setOnCloseRequest(e -> {
                if (task != null) {
                    task.cancel();
                }
            });
        }

        void follow(javafx.concurrent.Task<?> t) {
            task = t;
            if (!t.isDone()) {
                window.show();
            }
        }

        void close() {
            window.close();
        }
    }

    /** The notice at the end: what was written, where, and a button that opens the folder. */
    private void done(Progress progress, String header, Path target, String what) {
        progress.close();
        ButtonType openFolder = new ButtonType("Open folder", ButtonBar.ButtonData.OTHER);
        Alert notice = new Alert(Alert.AlertType.INFORMATION, target.toAbsolutePath() + "\n" + what, openFolder,
                ButtonType.CLOSE);
        notice.setHeaderText(header);
        notice.initOwner(stage);
        notice.getDialogPane().setId("export-done");
        notice.getDialogPane().lookupButton(openFolder).setId("open-export-folder");
        notice.show();
        notice.setOnHidden(e -> {
            if (notice.getResult() == openFolder) {
                Path folder = target.toFile().isDirectory() ? target : target.toAbsolutePath().getParent();
                FolderOpener.open(folder);
            }
        });
    }
}
