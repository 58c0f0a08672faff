package org.aeworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.aeworkbench.ui.common.Colours;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/**
 * A fresh run clears the loss charts as it starts, in the press's own FX task, and every change a
 * shown chart hears is a full repaint there: a chart with nothing to clear must not hear one.
 */
class LossChartClearTest {

    @Test
    void clearingAChartWithNoCurvesDoesNotRedrawIt() {
        LossChart chart = new LossChart("Loss per epoch", true);
        AtomicInteger changes = new AtomicInteger();
        chart.chart().addChangeListener(e -> changes.incrementAndGet());
        chart.clear();
        chart.clear();
        assertEquals(0, changes.get(), "redraws of a chart that had nothing to clear");
    }

    @Test
    void clearingAChartWithCurvesForgetsThemInARedraw() {
        LossChart chart = new LossChart("Loss per epoch", true);
        chart.add("train", 1, 0.5, Colours.TRAIN, false, 2f);
        chart.mark(1, "layer 2");
        chart.redraw();
        AtomicInteger changes = new AtomicInteger();
        chart.chart().addChangeListener(e -> changes.incrementAndGet());
        chart.clear();
        assertTrue(changes.get() > 0, "the cleared chart was not redrawn");
        assertEquals(0, chart.totalPoints());
        // JFreeChart gives null, not an empty list, for a layer without markers.
        assertEquals(null, chart.chart().getXYPlot().getDomainMarkers(Layer.FOREGROUND), "the stage marks");
        assertTrue(!chart.hasPending(), "a cleared chart has nothing left to draw");
    }
}
