package org.aeworkbench.ui;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.training.TrainingSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * Training as a user does it: Train pressed again and again in one window, each run continuing
 * the last, against the same continued runs headless in the same JVM. Reports each run's seconds
 * and training rate; asserts nothing about time.
 * <pre>mvn test -Dtest=ContinuedRunsMeasurement -Daeworkbench.measure=true [-Daeworkbench.measure.runs=8]</pre>
 */
class ContinuedRunsMeasurement {

    @Test
    void continuedRunsInTheWindowAgainstHeadless() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        int runs = Integer.getInteger("aeworkbench.measure.runs", 8);
        PreparedData data = TestWindow.prepare(Integer.MAX_VALUE);
        ModelSpec spec = Presets.get("reference", data.all().sampleShape());
        FxToolkit.registerPrimaryStage();
        WorkbenchModel[] wb = new WorkbenchModel[1];
        Button[] train = new Button[1];
        FxToolkit.setupStage(stage -> {
            wb[0] = TestWindow.show(stage, 1400, 900).wb();
            wb[0].data().set(data);
            wb[0].design().reset(spec);
            train[0] = (Button) stage.getScene().lookup("#train-button");
        });
        TestWindow.waitFor(120, () -> wb[0].pca().fitted() != null);
        double[][] window = new double[runs][];
        for (int r = 0; r < runs; r++) {
            Thread.sleep(2000); // as a user would, and the views catch up after a run
            System.gc();
            CountDownLatch done = new CountDownLatch(1);
            long[] t = new long[2];
            Platform.runLater(() -> {
                TrainingSession s = wb[0].training();
                s.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends TrainingSession.State> o,
                                        TrainingSession.State old, TrainingSession.State now) {
                        if (now == TrainingSession.State.IDLE) {
                            t[1] = System.nanoTime();
                            s.stateProperty().removeListener(this);
                            done.countDown();
                        }
                    }
                });
                t[0] = System.nanoTime();
                train[0].fire();
            });
            done.await(10, TimeUnit.MINUTES);
            var h = wb[0].training().history().epochs();
            window[r] = new double[] {(t[1] - t[0]) / 1e9, h.get(h.size() - 1).snapshot().samplesPerSecond()};
        }
        FxToolkit.cleanupStages();
        PreparedData.TrainSplit split = data.split(spec.training().validationFraction(), spec.training().seed());
        System.out.println();
        System.out.printf(Locale.ROOT, "Continued runs of %d epochs, reference design, %,d training samples%n",
                spec.training().epochs(), split.train().samples());
        try (Compute c = Compute.create(Backend.AUTO, spec.training().threads())) {
            Autoencoder m = ModelBuilder.build(spec, data.all().sampleShape());
            for (int r = 0; r < runs; r++) {
                System.gc();
                long t0 = System.nanoTime();
                TrainingResult res = new Trainer(m, c).fit(split.train().values(), split.train().samples(),
                        split.validation().values(), split.validation().samples(), new TrainingControl(), TrainingListener.NONE);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  run %d: window %.2f s (%,.0f samples/s) | headless %.2f s (%,.0f samples/s): %+.1f%%%n",
                        r + 1, window[r][0], window[r][1], secs, res.samplesPerSecond(), 100 * (window[r][0] / secs - 1));
            }
        }
    }
}
