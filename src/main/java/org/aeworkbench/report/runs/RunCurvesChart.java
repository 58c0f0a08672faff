package org.aeworkbench.report.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.aeworkbench.report.ClassPalette;
import org.aeworkbench.report.CurvesChart;
import org.jfree.chart.JFreeChart;

/**
 * Runs' curves overlaid on the same axes, one colour per run (the colour-blind-safe class
 * palette) and a legend by run name, as TensorBoard compares runs. The Runs tab shows it; the
 * report writes it as a PNG.
 */
public final class RunCurvesChart {

    /** Which curve of each run is drawn. */
    public enum Curve {
        VALIDATION_LOSS("validation loss", RunEpoch::validation),
        TRAIN_LOSS("training loss", RunEpoch::train),
        VALIDATION_ERROR("validation squared error per sample", RunEpoch::validationError);

        private final String title;
        private final ToDoubleFunction<RunEpoch> value;

        Curve(String title, ToDoubleFunction<RunEpoch> value) {
            this.title = title;
            this.value = value;
        }

        public String title() {
            return title;
        }

        public double of(RunEpoch e) {
            return value.applyAsDouble(e);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private RunCurvesChart() {
    }

    /** @param curve which curve; epochs without it (no validation samples) are left out */
    public static JFreeChart create(List<RunRecord> runs, Curve curve) {
        List<CurvesChart.Curve> curves = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            double[] x = r.epochs().stream().mapToDouble(RunEpoch::x).toArray();
            double[] y = r.epochs().stream().mapToDouble(curve::of).toArray();
            // Names may repeat (two runs named alike): the legend's keys must not, so the id leads.
            curves.add(new CurvesChart.Curve(legend(r), x, y, ClassPalette.colour(i, runs.size())));
        }
        return CurvesChart.create(curve.title() + " by epoch", curve.title(), curves);
    }

    /** "3: denoising", the legend's and the comparison table's name for a run. */
    public static String legend(RunRecord r) {
        return r.id() + ": " + r.name();
    }
}
