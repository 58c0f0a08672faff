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
        forgetFiredEvents();
        WorkbenchModel wb = new WorkbenchModel();
        MainWindow main = new MainWindow(wb, stage);
        stage.setScene(new Scene(main.root(), width, height));
        main.show();
        return new TestWindow(stage, wb, main);
    }

    /**
     * TestFX keeps every event fired on its primary stage for the JVM's life (its context's list is
     * read-only, the store behind it private), and each event its target: one pressed button kept
     * its window, about 80 MB, and every window built before it alive.
     */
    private static void forgetFiredEvents() {
        try {
            java.lang.reflect.Field f = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
            f.setAccessible(true);
            Object fired = f.get(org.testfx.api.FxToolkit.toolkitContext());
            if (fired != null) {
                ((org.testfx.service.support.FiredEvents) fired).clearEvents();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX changed: no fired-events store to clear", e);
        }
    }

    /** Waits until {@code condition} holds, then until the FX events it caused have run. */
    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A design small enough for UI tests to train in seconds: inputs, min(32, 2 x inputs) ReLU,
     * a 2-D code, mirrored with a sigmoid output, BCE, batches of 32.
     */
    static org.aeworkbench.engine.model.ModelSpec small(int inputs, int epochs) {
        var relu = org.aeworkbench.engine.layer.Activation.RELU;
        java.util.List<org.aeworkbench.engine.model.LayerSpec> encoder = java.util.List.of(
                new org.aeworkbench.engine.model.DenseSpec(Math.min(32, 2 * inputs), relu),
                new org.aeworkbench.engine.model.DenseSpec(2, org.aeworkbench.engine.layer.Activation.IDENTITY));
        var s = org.aeworkbench.engine.model.ModelSpec.of("small", encoder, org.aeworkbench.engine.model.ModelSpec.mirrorDecoder(
                encoder, inputs, org.aeworkbench.engine.layer.Activation.SIGMOID), org.aeworkbench.engine.loss.ReconstructionLoss.BCE);
        return s.withTraining(s.training().withEpochs(epochs).withBatchSize(32));
    }

    /**
     * The application tabs' set-up: {@code data} and a 784-32-{@code code}-32-784 design (ReLU, linear
     * code, sigmoid output) trained for 2 epochs in batches of 64.
     */
    void useDigitsDesign(PreparedData data, int code) {
        wb.data().set(data);
        wb.design().reset(wb.design().spec().withLayers(
                java.util.List.of(new org.aeworkbench.engine.model.DenseSpec(32, org.aeworkbench.engine.layer.Activation.RELU),
                        new org.aeworkbench.engine.model.DenseSpec(code, org.aeworkbench.engine.layer.Activation.IDENTITY)),
                java.util.List.of(new org.aeworkbench.engine.model.DenseSpec(32, org.aeworkbench.engine.layer.Activation.RELU),
                        new org.aeworkbench.engine.model.DenseSpec(784, org.aeworkbench.engine.layer.Activation.SIGMOID)))
                .withTraining(wb.design().spec().training().withEpochs(2).withBatchSize(64)));
    }

    /** Validation samples of the trained run's split (stratified: about a tenth). */
    static int heldOut(WorkbenchModel wb) {
        var spec = wb.training().model().weights().spec().training();
        return wb.training().model().data().split(spec.validationFraction(), spec.seed()).validation().samples();
    }

    /** Puts the digits and their small design in, waits for PCA's fit of them, and shows the Latent space tab. */
    void latentSpaceOnDigits(org.testfx.api.FxRobot robot, PreparedData digits) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> useDigitsDesign(digits, 2)).get();
        waitFor(90, () -> wb.pca().fitted() != null && wb.pca().fitted().data() == digits);
        robot.clickOn("#tab-latent-space");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks Train and waits until the run has ended with {@code epochs} trained since the weights were drawn. */
    void trainToEnd(org.testfx.api.FxRobot robot, int epochs) throws Exception {
        robot.clickOn("#train-button");
        waitFor(90, () -> wb.training().state() == org.aeworkbench.ui.training.TrainingSession.State.IDLE
                && wb.training().epochsTrainedProperty().get() == epochs);
    }

    /**
     * Clicks the first code on the latent plot, once the scores under the plots are in: the end
     * of a run's work on that tab (every sample encoded, the points drawn) is done by then.
     */
    static void pickFirstCode(org.testfx.api.FxRobot robot, org.aeworkbench.ui.latent.LatentView latent) throws Exception {
        waitFor(120, () -> ((javafx.scene.control.Label) latent.lookup("#ae-metrics")).getText().startsWith("Autoencoder"));
        double[] p = fx(() -> latent.autoencoderPlot().toScreen(latent.autoencoderPlot().coordinates()[0],
                latent.autoencoderPlot().coordinates()[1]));
        robot.clickOn(p[0], p[1]);
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
