package org.aeworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Theme;
import org.junit.jupiter.api.Test;

/**
 * The warm-up earns its place only if a JVM's first run then finds the charts' code loaded: in a
 * JVM of its own, the loss charts of a first run (their points, redraws and a draw, as
 * {@link TrainingView} makes them) load no JFreeChart class after it, and load many without it.
 */
class LossChartWarmupTest {

    private static final String MARK = "-- a first run's charts from here --";

    /** The child JVM: the warm-up when asked, then a first run's charts, with class loading logged. */
    public static void main(String[] args) {
        if (args.length > 0 && "warm".equals(args[0])) {
            LossChartWarmup.run();
        }
        System.out.println(MARK);
        System.out.flush();
        aFirstRunsCharts();
    }

    /** Three epochs of 25 batches, drawn after each batch, with other values than the warm-up's. */
    private static void aFirstRunsCharts() {
        LossChart epochs = new LossChart("Loss per epoch", true);
        LossChart batches = new LossChart("Loss per batch (smoothed)", false);
        for (int b = 1; b <= 75; b++) {
            double x = b / 25.0;
            batches.add("batch", x, 30 + 200.0 / b, Colours.rawBatch(Theme.LIGHT), false, 1f);
            batches.add("smoothed", x, 31 + 190.0 / b, Colours.TRAIN, false, 2f);
            if (b % 25 == 0) {
                epochs.add("train", x, 30 + 150.0 / b, Colours.TRAIN, false, 2f);
                epochs.add("validation", x, 32 + 150.0 / b, Colours.VALIDATION, true, 2f);
            }
            batches.redraw();
            epochs.redraw();
        }
        BufferedImage image = new BufferedImage(900, 320, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        epochs.chart().draw(g, new Rectangle2D.Double(0, 0, 900, 320));
        batches.chart().draw(g, new Rectangle2D.Double(0, 0, 900, 320));
        g.dispose();
    }

    @Test
    void afterItAFirstRunsChartsLoadNoChartClass() throws Exception {
        List<String> loaded = chartClassesLoadedByAFirstRun("warm");
        assertEquals(List.of(), loaded, "JFreeChart classes a first run still loads after the warm-up");
    }

    @Test
    void withoutItAFirstRunsChartsLoadTheirClassesThemselves() throws Exception {
        List<String> loaded = chartClassesLoadedByAFirstRun("cold");
        assertTrue(loaded.size() > 50, "the check sees class loading: " + loaded);
    }

    /** The org.jfree classes a child JVM loads after {@link #MARK}. */
    private static List<String> chartClassesLoadedByAFirstRun(String arg) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Djava.awt.headless=true", "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), LossChartWarmupTest.class.getName(), arg))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        assertEquals(0, p.exitValue(), out);
        int mark = out.indexOf(MARK);
        assertTrue(mark >= 0, out);
        List<String> loaded = new ArrayList<>();
        for (String line : out.substring(mark).split("\n")) {
            int at = line.indexOf("org.jfree.");
            if (line.contains("[class,load]") && at >= 0) {
                loaded.add(line.substring(at).split(" ")[0]);
            }
        }
        return loaded;
    }
}
