package org.aeworkbench.ui.training;

import java.util.Arrays;
import org.jfree.data.xy.XYSeries;

/**
 * One curve of a loss chart: every point it was given, and the chart series that draws at most
 * {@code budget} of them. Rasterising a noisy line costs the render thread about 12 microseconds
 * a point in software (measured: 700 batch points 12.5 ms a redraw, 20 points 4 ms), and a run of
 * many epochs gives tens of thousands of batch points, so past the budget the series shows each
 * bucket's lowest and highest point in time order (min-max decimation): the band of the noisy
 * per-batch loss keeps its extremes and outline, and the newest point is always drawn.
 */
final class Trace {

    private final XYSeries shown;
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;
    private int published;
    private boolean rebuild;

    Trace(XYSeries shown) {
        this.shown = shown;
    }

    XYSeries shown() {
        return shown;
    }

    int size() {
        return size;
    }

    void add(double px, double py) {
        if (size == x.length) {
            x = Arrays.copyOf(x, 2 * size);
            y = Arrays.copyOf(y, 2 * size);
        }
        x[size] = px;
        y[size] = py;
        size++;
    }

    boolean hasPending() {
        return published != size || rebuild;
    }

    /** Draw everything again at the next {@link #publish} (the axis changed between linear and log). */
    void invalidate() {
        rebuild = true;
    }

    /**
     * Brings the chart series up to date without firing its change event (the chart is redrawn
     * once for all traces): appends the new points while all fit the budget, else redraws it
     * decimated. {@code positiveOnly} leaves out what a log axis cannot show.
     */
    void publish(int budget, boolean positiveOnly) {
        if (published == size && !rebuild) {
            return;
        }
        if (size <= budget && !rebuild) {
            for (int i = published; i < size; i++) {
                addShown(x[i], y[i], positiveOnly);
            }
        } else {
            shown.clear();
            int[] keep = Decimation.minMax(y, size, budget);
            for (int i : keep) {
                addShown(x[i], y[i], positiveOnly);
            }
        }
        published = size;
        rebuild = false;
    }

    private void addShown(double px, double py, boolean positiveOnly) {
        if (Double.isFinite(py) && (!positiveOnly || py > 0)) {
            shown.add(px, py, false);
        }
    }
}
