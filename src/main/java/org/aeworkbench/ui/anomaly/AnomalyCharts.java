package org.aeworkbench.ui.anomaly;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.analysis.anomaly.DetectorScores;
import org.aeworkbench.analysis.anomaly.ScoreHistogram;
import org.aeworkbench.analysis.ranking.Confusion;
import org.aeworkbench.analysis.ranking.PrecisionRecallCurve;
import org.aeworkbench.analysis.ranking.RocCurve;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Anomaly view's three charts, rebuilt from a result: the autoencoder's score histogram for
 * normal samples and anomalies with the threshold as a line, and the ROC and precision-recall
 * curves of the autoencoder and of PCA on the same axes, each with the operating point at the
 * threshold.
 */
final class AnomalyCharts {

    static final int BINS = 60;
    static final Color NORMAL = Colours.TRAIN;
    static final Color ANOMALY = Colours.PENALTIES[0];
    static final Color AE = Colours.TRAIN;
    static final Color PCA = Colours.VALIDATION;

    private AnomalyCharts() {
    }

    static JFreeChart histogram(AnomalyResult r, boolean logCounts, double threshold, Theme theme) {
        DetectorScores ae = r.ae();
        ScoreHistogram h = ScoreHistogram.of(ae.scores(), r.split().anomalous(), BINS);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars(r.split().labelled() ? "normal" : "all samples", h, h.normal(), logCounts));
        if (r.split().labelled()) {
            data.addSeries(bars("anomalous", h, h.anomalous(), logCounts));
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, ChartStyle.alpha(NORMAL, 150));
        renderer.setSeriesPaint(1, ChartStyle.alpha(ANOMALY, 150));
        NumberAxis x = new NumberAxis(r.score().title() + " (autoencoder)");
        x.setAutoRangeIncludesZero(false);
        ValueAxis y;
        if (logCounts) {
            LogAxis log = new LogAxis("samples (log scale)");
            log.setSmallestValue(0.5);
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            y = log;
        } else {
            y = new NumberAxis("samples");
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (Double.isFinite(threshold)) {
            ValueMarker m = new ValueMarker(threshold, theme.chartForeground(), new BasicStroke(1.5f));
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart("Score distribution", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, theme);
        return chart;
    }

    private static XYIntervalSeries bars(String name, ScoreHistogram h, int[] counts, boolean log) {
        XYIntervalSeries s = new XYIntervalSeries(name);
        for (int b = 0; b < counts.length; b++) {
            if (log && counts[b] == 0) {
                continue; // no bar of height zero on a log axis
            }
            double lo = h.edges()[b];
            double hi = h.edges()[b + 1];
            s.add((lo + hi) / 2, lo, hi, counts[b], log ? 0.5 : 0, counts[b]);
        }
        return s;
    }

    static JFreeChart roc(AnomalyResult r, Confusion at, Theme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        RocCurve ae = r.ae().sweep().roc();
        RocCurve pca = r.pca().sweep().roc();
        data.addSeries(curve(String.format(Locale.ROOT, "autoencoder (AUROC %.3f)", r.ae().summary().auroc()),
                ae.falsePositiveRate(), ae.truePositiveRate()));
        data.addSeries(curve(String.format(Locale.ROOT, "PCA, k = %d (AUROC %.3f)", r.pcaComponents(), r.pca().summary().auroc()),
                pca.falsePositiveRate(), pca.truePositiveRate()));
        data.addSeries(curve("chance", new double[] {0, 1}, new double[] {0, 1}));
        XYSeries point = new XYSeries("threshold");
        if (at != null) {
            point.add(at.falsePositiveRate(), at.recall());
        }
        data.addSeries(point);
        return curves("ROC", "false-positive rate", "true-positive rate (recall)", data, theme);
    }

    static JFreeChart precisionRecall(AnomalyResult r, Confusion at, Theme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        PrecisionRecallCurve ae = r.ae().sweep().precisionRecall();
        PrecisionRecallCurve pca = r.pca().sweep().precisionRecall();
        data.addSeries(curve(String.format(Locale.ROOT, "autoencoder (AP %.3f)", r.ae().summary().averagePrecision()),
                ae.recall(), ae.precision()));
        data.addSeries(curve(String.format(Locale.ROOT, "PCA, k = %d (AP %.3f)", r.pcaComponents(), r.pca().summary().averagePrecision()),
                pca.recall(), pca.precision()));
        double base = r.split().anomalyFraction();
        data.addSeries(curve("chance", new double[] {0, 1}, new double[] {base, base}));
        XYSeries point = new XYSeries("threshold");
        if (at != null && at.flagged() > 0) {
            point.add(at.recall(), at.precision());
        }
        data.addSeries(point);
        return curves("Precision-recall", "recall", "precision", data, theme);
    }

    private static XYSeries curve(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }

    private static JFreeChart curves(String title, String xLabel, String yLabel, XYSeriesCollection data, Theme theme) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        x.setRange(0, 1);
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, AE);
        renderer.setSeriesPaint(1, PCA);
        renderer.setSeriesPaint(2, theme.chartMuted());
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        renderer.setSeriesLinesVisible(3, false);
        renderer.setSeriesShapesVisible(3, true);
        renderer.setSeriesPaint(3, theme.chartForeground());
        renderer.setSeriesShape(3, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesVisibleInLegend(2, false);
        renderer.setSeriesVisibleInLegend(3, false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, theme);
        return chart;
    }

    /** Moves the threshold line and the two operating points without rebuilding the charts. */
    static void moveThreshold(JFreeChart histogram, JFreeChart roc, JFreeChart pr, double threshold, Confusion at, Theme theme) {
        XYPlot h = histogram.getXYPlot();
        h.clearDomainMarkers();
        if (Double.isFinite(threshold)) {
            h.addDomainMarker(new ValueMarker(threshold, theme.chartForeground(), new BasicStroke(1.5f)));
        }
        point(roc, at == null ? null : new double[] {at.falsePositiveRate(), at.recall()});
        point(pr, at == null || at.flagged() == 0 ? null : new double[] {at.recall(), at.precision()});
    }

    private static void point(JFreeChart chart, double[] xy) {
        XYSeries s = ((XYSeriesCollection) chart.getXYPlot().getDataset()).getSeries(3);
        s.clear();
        if (xy != null) {
            s.add(xy[0], xy[1]);
        }
    }
}
