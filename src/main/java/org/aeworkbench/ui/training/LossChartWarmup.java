package org.aeworkbench.ui.training;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Theme;

/**
 * Takes the loss charts' code through a short run on throwaway charts, off the FX thread, before a
 * window's first run. Otherwise a JVM's first run loads, links and interprets JFreeChart's series
 * code on the FX thread at its first points, and its axis, renderer and text code on the chart
 * drawing thread ({@link org.aeworkbench.ui.common.ChartImageView}) at its first drawing. When the
 * charts were still drawn on the FX thread, their first redraw in a first run on the Training tab
 * delayed it 10.5-27.3 ms without the warm-up and 8.7-15.7 ms with it (docs/performance.md, round
 * nineteen). It touches no chart a window shows, and nothing it does is kept.
 */
public final class LossChartWarmup {

    private LossChartWarmup() {
    }

    /** Any thread; 0.49-0.53 s in a fresh JVM and 20-55 ms again, measured beside a running build. */
    public static void run() {
        LossChart epochs = new LossChart("Loss per epoch", true);
        LossChart batches = new LossChart("Loss per batch (smoothed)", false);
        int batchesPerEpoch = 40;
        for (int b = 1; b <= 2 * batchesPerEpoch; b++) {
            double x = b / (double) batchesPerEpoch;
            double loss = 0.1 + 1.0 / b;
            // As TrainingView adds them: the raw batch loss, its smoothed line, and a point per epoch.
            batches.add("batch", x, loss, Colours.rawBatch(Theme.LIGHT), false, 1f);
            batches.add("smoothed", x, loss, Colours.TRAIN, false, 2f);
            if (b % batchesPerEpoch == 0) {
                epochs.add("train", x, loss, Colours.TRAIN, false, 2f);
                epochs.add("validation", x, 1.1 * loss, Colours.VALIDATION, true, 2f);
            }
            if (batches.hasPending()) {
                batches.redraw();
            }
            if (epochs.hasPending()) {
                epochs.redraw();
            }
        }
        // As the chart drawing thread draws a shown Training tab's charts: with Java2D, into an image.
        BufferedImage image = new BufferedImage(480, 240, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            epochs.chart().draw(g, new Rectangle2D.Double(0, 0, 480, 240));
            batches.chart().draw(g, new Rectangle2D.Double(0, 0, 480, 240));
        } finally {
            g.dispose();
        }
    }
}
