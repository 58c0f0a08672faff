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
 * {@code export onnx} do them: each runs as a cancellable job (the status bar shows it with a
 * spinner and Cancel), and when it is done a notice names what was written and offers to open the
 * folder.
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
        wb.jobs().run("Exporting a PyTorch package to " + dir.getFileName(), () -> PytorchExport.write(model, trained[0],
                        dir, model.spec().name() + ".aem", preparation),
                r -> done("PyTorch package written", dir, String.join(", ", r.files().stream()
                        .map(p -> p.getFileName().toString()).toList()) + (r.weights() ? "" : "\n(untrained: no weights)")),
                msg -> ErrorDialog.show(stage, "Could not export the PyTorch package", dir + ": " + msg, null), null);
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
        wb.jobs().run("Exporting the " + part.id() + " to " + file.getFileName(), () -> {
            OnnxExport.write(s.build(), part, file, PytorchExport.PRODUCER, preparation().toJson().toString());
            return file;
        }, done -> done("ONNX file written", file, "the " + part.id() + " of '" + s.spec().name() + "', ONNX opset "
                + OnnxExport.OPSET), msg -> ErrorDialog.show(stage, "Could not export ONNX", file + ": " + msg, null), null);
    }

    /**
     * The data preparation of the trained weights (or, untrained, of the data loaded now), which
     * prepare(x) repeats and the ONNX metadata records.
     */
    private Preparation preparation() {
        PreparedData d = wb.training().trainedOn() != null ? wb.training().trainedOn() : wb.data().current();
        return d == null ? Preparation.none("no data loaded") : d.preparation();
    }

    /** The notice at the end: what was written, where, and a button that opens the folder. */
    private void done(String header, Path target, String what) {
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
