package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.aeworkbench.cli.AeWorkbenchCommand;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.export.pytorch.TorchWeights;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File > Export hands the trained model to PyTorch and ONNX as the CLI does, as a job, and names
 * what it wrote at the end; File > Open takes the model file that {@code import pytorch} writes, and
 * the Latent, Reconstructions, Generate and Weights views work on it.
 */
@ExtendWith(ApplicationExtension.class)
class ModelExportsUiTest {

    private static PreparedData tiny;

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(500);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1260, 780);
        this.stage = stage;
        wb = shown.wb();
        window = shown.main();
        wb.data().set(tiny);
        wb.design().reset(wb.design().spec().withName("tiny").withLayers(
                List.of(new DenseSpec(32, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(32, Activation.RELU), new DenseSpec(784, Activation.SIGMOID)))
                .withTraining(wb.design().spec().training().withEpochs(1).withBatchSize(64)));
    }

    @AfterEach
    void restoreDialogs(FxRobot robot) {
        robot.interact(() -> FileDialogs.install(null));
    }

    /** File dialogs that answer {@code answer}, as a user choosing it would. */
    private static void answer(FxRobot robot, Path answer) {
        robot.interact(() -> FileDialogs.install(new FileDialogs() {
            @Override
            public File showOpen(FileChooser chooser, Window owner) {
                return answer.toFile();
            }

            @Override
            public File showSave(FileChooser chooser, Window owner) {
                return answer.toFile();
            }
        }));
    }

    private MenuItem menuItem(String id) throws Exception {
        return TestWindow.fx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            for (Menu m : bar.getMenus()) {
                MenuItem found = find(m, id);
                if (found != null) {
                    return found;
                }
            }
            throw new AssertionError("no menu item #" + id);
        });
    }

    private static MenuItem find(Menu menu, String id) {
        for (MenuItem mi : menu.getItems()) {
            if (id.equals(mi.getId())) {
                return mi;
            }
            if (mi instanceof Menu sub) {
                MenuItem found = find(sub, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private DialogPane notice(FxRobot robot) throws Exception {
        TestWindow.waitFor(60, () -> robot.lookup("#export-done").tryQuery().isPresent());
        return robot.lookup("#export-done").queryAs(DialogPane.class);
    }

    private void closeNotice(FxRobot robot, DialogPane pane) {
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    private void train(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 1);
    }

    @Test
    void theThreeExportsWriteTheirFilesAsJobsAndNameThemAtTheEnd(FxRobot robot) throws Exception {
        train(robot);
        Path pkg = dir.resolve("tiny-pytorch");
        answer(robot, pkg);
        MenuItem pytorch = menuItem("export-pytorch");
        robot.interact(pytorch::fire);
        DialogPane done = notice(robot);
        assertTrue(robot.lookup("#export-progress").tryQuery().isEmpty(), "the progress window closes with the job");
        assertTrue(done.getContentText().startsWith(pkg.toAbsolutePath().toString()), done.getContentText());
        for (String f : List.of("model.py", "train.py", "README.md", "weights.safetensors")) {
            assertTrue(Files.isRegularFile(pkg.resolve(f)), f);
            assertTrue(done.getContentText().contains(f), done.getContentText());
        }
        closeNotice(robot, done);

        Path onnx = dir.resolve("tiny-encoder.onnx");
        answer(robot, onnx);
        robot.interact(menuItem("export-onnx-encoder")::fire);
        done = notice(robot);
        assertTrue(done.getContentText().startsWith(onnx.toAbsolutePath().toString()), done.getContentText());
        assertTrue(Files.size(onnx) > 4 * 784 * 32, "the encoder's weights are inside");
        closeNotice(robot, done);

        Path aem = dir.resolve("tiny.aem");
        answer(robot, aem);
        robot.interact(menuItem("export-model-file")::fire);
        TestWindow.waitFor(30, () -> Files.isRegularFile(aem) && wb.jobs().running().isEmpty());
        ModelSnapshot snapshot = wb.training().snapshot();
        var loaded = ModelFile.load(aem).model();
        for (int i = 0; i < snapshot.weights().size(); i++) {
            assertArrayEquals(snapshot.weights().get(i), loaded.parameters().get(i).value());
        }
    }

    @Test
    void aModelFileOpensAndEveryViewWorksOnIt(FxRobot robot) throws Exception {
        train(robot);
        ModelSnapshot trained = wb.training().snapshot();
        // What a round trip through PyTorch hands back: the untrained design's model file, the trained
        // weights as train.py writes them (safetensors), and import pytorch joining the two.
        Autoencoder model = trained.build();
        Path source = dir.resolve("design.aem");
        var info = org.aeworkbench.engine.model.ModelSpecJson.mapper().createObjectNode().put("data", "mnist");
        ModelFile.save(source, ModelBuilder.build(model.spec(), model.inputShape()), info);
        Path trainedWeights = dir.resolve("trained.safetensors");
        TorchWeights.write(model, trainedWeights, Map.of());
        Path aem = dir.resolve("imported.aem");
        assertEquals(0, AeWorkbenchCommand.run("import", "pytorch", "--weights", trainedWeights.toString(),
                "--model", source.toString(), "--out", aem.toString()));
        robot.interact(() -> wb.reset());
        TestWindow.waitFor(10, () -> wb.training().snapshot() == null);
        robot.interact(() -> window.openProject(aem));
        TestWindow.waitFor(60, () -> wb.training().snapshot() != null && wb.jobs().running().isEmpty());
        ModelSnapshot opened = wb.training().snapshot();
        for (int i = 0; i < trained.weights().size(); i++) {
            assertArrayEquals(trained.weights().get(i), opened.weights().get(i));
        }
        assertEquals("tiny", wb.design().spec().name());
        robot.clickOn("#tab-latent-space");
        var latent = window.view(org.aeworkbench.ui.latent.LatentView.class);
        TestWindow.waitFor(30, () -> latent.aePoints() > 0);
        robot.clickOn("#tab-reconstructions");
        var recon = window.view(org.aeworkbench.ui.reconstructions.ReconstructionsView.class);
        TestWindow.waitFor(30, () -> recon.imageCount() > 0);
        robot.clickOn("#tab-generate");
        var generate = window.view(org.aeworkbench.ui.generate.GenerateView.class);
        TestWindow.waitFor(30, () -> generate.plane().pointCount() > 0);
        robot.clickOn("#tab-weights");
        var weights = window.view(org.aeworkbench.ui.weights.WeightsView.class);
        TestWindow.waitFor(30, () -> weights.filterCount() == 32);
    }

    @SuppressWarnings("unused")
    private static <T> T fx(Callable<T> c) throws Exception {
        return TestWindow.fx(c);
    }
}
