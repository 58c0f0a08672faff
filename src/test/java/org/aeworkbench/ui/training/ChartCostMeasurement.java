package org.aeworkbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import org.aeworkbench.ui.common.ChartImageView;
import org.aeworkbench.ui.common.Colours;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What one redraw of the Training tab's loss charts costs the FX thread, the render thread
 * (software pipeline, as the headless tests run) and the chart drawing thread, for a batch curve of
 * 20 to 20,000 points: the figures behind {@link LossChart#POINTS_SHOWN} and
 * {@link TrainingView#CHART_MILLIS}, shown as the window shows them ({@link ChartImageView}) or, with
 * {@code -Daeworkbench.measure.viewer=jfree}, by JFreeChart's viewer.
 *
 * <p>It reports figures and asserts nothing about time. Run it alone:
 * <pre>mvn test -Dtest=ChartCostMeasurement -Daeworkbench.measure=true</pre>
 */
class ChartCostMeasurement {

    /** {@code -Daeworkbench.measure.viewer=jfree} measures JFreeChart's own viewer, which draws on the FX thread. */
    private static final boolean JFREE_VIEWER = "jfree".equals(System.getProperty("aeworkbench.measure.viewer"));

    @Test
    void redrawCostByCurveLength() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        System.setProperty("headless.geometry", "1600x1000-32");
        FxToolkit.registerPrimaryStage();
        LossChart chart = new LossChart("Loss per batch (smoothed)", false);
        FxToolkit.setupStage(stage -> {
            javafx.scene.layout.Region viewer = JFREE_VIEWER ? new ChartViewer(chart.chart()) : new ChartImageView(chart.chart());
            viewer.setPrefSize(850, 380);
            stage.setScene(new Scene(new VBox(viewer), 860, 400));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread render = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow();
        // The FX thread's CPU counts all it does for a redraw: the redraw's own task, taking a
        // drawing from the drawing thread (ChartImageView) and the pulse that shows it.
        Thread fxThread = WaitForAsyncUtils.asyncFx(Thread::currentThread).get();
        Thread drawing = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ae-chart-drawing")).findFirst().orElse(null);
        int[] x = {0};
        System.out.println();
        for (int target : new int[] {20, 700, 2_000, 20_000}) {
            onFx(() -> {
                for (; x[0] < target; x[0]++) {
                    addBatch(chart, x[0]);
                }
                chart.redraw();
            });
            Thread.sleep(100);
            List<Double> fx = new ArrayList<>();
            long r0 = mx.getThreadCpuTime(render.getId());
            long f0 = mx.getThreadCpuTime(fxThread.getId());
            long d0 = drawing == null ? 0 : mx.getThreadCpuTime(drawing.getId());
            int redraws = 30;
            for (int rep = 0; rep < redraws; rep++) {
                fx.add(onFx(() -> {
                    addBatch(chart, x[0]++); // one point more, as training adds them
                    chart.redraw();
                }));
                Thread.sleep(50); // a pulse renders it
            }
            double renderMs = (mx.getThreadCpuTime(render.getId()) - r0) / 1e6 / redraws;
            double fxCpuMs = (mx.getThreadCpuTime(fxThread.getId()) - f0) / 1e6 / redraws;
            double drawingMs = drawing == null ? 0 : (mx.getThreadCpuTime(drawing.getId()) - d0) / 1e6 / redraws;
            fx.sort(null);
            System.out.printf(Locale.ROOT, "%s, batch curve of %,6d points (%d drawn): redraw task %.2f ms (median, longest %.2f),"
                    + " FX thread CPU %.2f ms, render thread %.2f ms, drawing thread %.2f ms a redraw%n",
                    JFREE_VIEWER ? "ChartViewer" : "ChartImageView", x[0], chart.totalPoints() / 2, fx.get(fx.size() / 2),
                    fx.get(fx.size() - 1), fxCpuMs, renderMs, drawingMs);
        }
        FxToolkit.cleanupStages();
    }

    private static void addBatch(LossChart chart, int i) {
        chart.add("batch", i / 70.0, 0.3 + 0.1 * Math.sin(i * 1.7), Colours.TRAIN, false, 1f);
        chart.add("smoothed", i / 70.0, 0.3, Colours.TRAIN, false, 2f);
    }

    private static double onFx(Runnable r) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            long t0 = System.nanoTime();
            r.run();
            return (System.nanoTime() - t0) / 1e6;
        }).get(30, TimeUnit.SECONDS);
    }
}
