package org.aeworkbench.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the latent scatter copes with many points (issue 6: smooth with 10,000): for 2,000, 10,000
 * and 60,000 labelled points in ten clusters, the FX thread's time to replace the points and
 * redraw (what a live update costs), and to answer a pointer move with the nearest point's card
 * (what hovering costs), each as median and worst of repeated runs in a 700 x 600 plot.
 *
 * <p>It reports figures and asserts nothing about time. Run it alone:
 * <pre>mvn test -Dtest=ScatterCostMeasurement -Daeworkbench.measure=true [-Daeworkbench.measure.cpu=true]</pre>
 */
class ScatterCostMeasurement {

    @Test
    void redrawAndHoverTimesByPointCount() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        FxToolkit.registerPrimaryStage();
        ScatterPlot[] plot = new ScatterPlot[1];
        FxToolkit.setupStage(stage -> {
            plot[0] = new ScatterPlot("Autoencoder codes");
            plot[0].setHoverCard(i -> new Label("sample " + i));
            stage.setScene(new Scene(plot[0], 700, 600));
            stage.show();
        });
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        System.out.println();
        for (int n : new int[] {2_000, 10_000, 60_000}) {
            float[] xy = new float[2 * n];
            int[] labels = new int[n];
            SplittableRandom r = new SplittableRandom(n);
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(10);
                double angle = 2 * Math.PI * labels[i] / 10;
                xy[2 * i] = (float) (3 * Math.cos(angle) + r.nextGaussian());
                xy[2 * i + 1] = (float) (3 * Math.sin(angle) + r.nextGaussian());
            }
            List<Double> redraw = new ArrayList<>();
            List<Double> layer = new ArrayList<>();
            List<Double> upload = new ArrayList<>();
            for (int rep = 0; rep < 12; rep++) {
                redraw.add(onFx(() -> plot[0].setPoints(xy, n, labels, names, "z1", "z2", ScatterPlot.count(n, n, false))));
                layer.add(plot[0].lastRedrawNanos() / 1e6);
                // Above ScatterPlot.DRAWN_AT_ONCE_MAX the pixels come from the background: their
                // upload is a second stretch of FX thread, counted apart.
                boolean later = n > ScatterPlot.DRAWN_AT_ONCE_MAX;
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(plot[0]::pointsShown).get());
                upload.add(later ? plot[0].lastShowNanos() / 1e6 : 0.0);
            }
            List<Double> hover = new ArrayList<>();
            for (int rep = 0; rep < 200; rep++) {
                double x = 60 + r.nextDouble() * 580;
                double y = 60 + r.nextDouble() * 480;
                var canvas = ((org.jfree.chart.fx.ChartViewer) plot[0].getChildren().get(0)).getCanvas();
                hover.add(onFx(() -> Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0, false, false, false, false,
                                false, false, false, false, false, false, null))));
            }
            System.out.printf(Locale.ROOT, "scatter with %,d points: replace and redraw median %.1f ms, worst %.1f ms"
                            + " (first %.1f ms; the point layer's splat, upload and grid: median %.1f ms wall);"
                            + " pixels drawn in the background and uploaded later: median %.1f ms, worst %.1f ms wall;"
                            + " hover median %.2f ms, worst %.2f ms%n",
                    n, median(redraw.subList(2, redraw.size())), max(redraw.subList(2, redraw.size())), redraw.get(0),
                    median(layer.subList(2, layer.size())), median(upload.subList(2, upload.size())),
                    max(upload.subList(2, upload.size())),
                    median(hover.subList(20, hover.size())), max(hover.subList(20, hover.size())));
        }
        FxToolkit.cleanupStages();
    }

    /**
     * Milliseconds the FX thread spent on {@code action} (JFreeChart redraws its canvas within it):
     * its CPU time with -Daeworkbench.measure.cpu=true (on a busy machine wall time mostly
     * measures waiting for a core), else wall time.
     */
    private static double onFx(Runnable action) throws Exception {
        long[] t = new long[2];
        boolean cpu = Boolean.getBoolean("aeworkbench.measure.cpu");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        WaitForAsyncUtils.asyncFx(() -> {
            t[0] = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            action.run();
            t[1] = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        }).get(60, TimeUnit.SECONDS);
        return (t[1] - t[0]) / 1e6;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
