package org.aeworkbench.ui.plot;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a live update of the Latent tab's two scatters costs the renderer and the FX thread: two
 * 310 x 580 plots drawing in the background, as while a run goes, get 10,000 new codes each per
 * update, spread a little differently each time so that their frames follow (as codes do from
 * epoch to epoch). Prints the CPU time of the FX thread and of the renderer per update (the
 * software renderer paints on the renderer thread; the FX thread waits for it when the next pulse
 * comes before it is done). Reports figures, asserts nothing about time. Run it alone:
 * <pre>mvn test -Dtest=ScatterPaintMeasurement -Daeworkbench.measure=true</pre>
 */
class ScatterPaintMeasurement {

    @Test
    void cpuOfTheRendererAndTheFxThreadPerLiveUpdate() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        System.setProperty("headless.geometry", "1600x1000-32");
        FxToolkit.registerPrimaryStage();
        ScatterPlot[] plots = new ScatterPlot[2];
        FxToolkit.setupStage(stage -> {
            plots[0] = new ScatterPlot("Autoencoder codes");
            plots[1] = new ScatterPlot("PCA");
            for (ScatterPlot p : plots) {
                p.setDrawsInBackground(true);
                p.setPrefSize(310, 580);
            }
            stage.setScene(new Scene(new HBox(plots), 620, 580));
            stage.show();
        });
        int n = 10_000;
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        var threads = ManagementFactory.getThreadMXBean();
        long renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElseThrow().getId();
        long fx = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get();
        for (int round = 0; round < 3; round++) {
            int updates = 30;
            long r0 = threads.getThreadCpuTime(renderer);
            long f0 = threads.getThreadCpuTime(fx);
            for (int u = 0; u < updates; u++) {
                float[] xy = codes(n, round * 1000 + u, 1 + 0.2 * (u % 5));
                WaitForAsyncUtils.asyncFx(() -> {
                    for (ScatterPlot p : plots) {
                        p.setPoints(xy, n, labels, names, "z1", "z2", ScatterPlot.count(n, n, false));
                    }
                }).get(10, TimeUnit.SECONDS);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> plots[0].pointsShown() && plots[1].pointsShown()).get());
                Thread.sleep(120); // the frame's and the points' pulses, and their painting
            }
            System.out.printf(Locale.ROOT, "round %d: per live update of both plots, renderer %.2f ms CPU, FX thread %.2f ms CPU%n",
                    round, (threads.getThreadCpuTime(renderer) - r0) / 1e6 / updates,
                    (threads.getThreadCpuTime(fx) - f0) / 1e6 / updates);
        }
        FxToolkit.cleanupStages();
    }

    private static float[] codes(int n, long seed, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * (i % 10) / 10;
            xy[2 * i] = (float) (spread * (3 * Math.cos(angle) + r.nextGaussian()));
            xy[2 * i + 1] = (float) (spread * (3 * Math.sin(angle) + r.nextGaussian()));
        }
        return xy;
    }
}
