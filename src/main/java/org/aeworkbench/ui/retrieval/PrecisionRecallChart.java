package org.aeworkbench.ui.retrieval;

import java.awt.BasicStroke;
import java.util.List;
import org.aeworkbench.analysis.retrieval.RetrievalScores;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Retrieval's precision against recall, one curve per method: each point is the mean over the
 * queries of precision and recall among the first N items ranked, for increasing N.
 */
final class PrecisionRecallChart {

    private PrecisionRecallChart() {
    }

    static JFreeChart of(List<RetrievalScores> scores, Theme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int m = 0; m < scores.size(); m++) {
            RetrievalScores s = scores.get(m);
            XYSeries series = new XYSeries(String.format(java.util.Locale.ROOT, "%s (mAP %.3f)", s.method(),
                    s.meanAveragePrecision()), false, true);
            for (int c = 0; c < s.cutoffs().length; c++) {
                series.add(s.recall()[c], s.precision()[c]);
            }
            data.addSeries(series);
            renderer.setSeriesPaint(m, Colours.forClass(m, Math.max(3, scores.size()), theme));
            renderer.setSeriesStroke(m, new BasicStroke(m == 0 ? 2.2f : 1.4f));
            renderer.setSeriesShape(m, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        NumberAxis recall = new NumberAxis("recall");
        recall.setRange(0, 1);
        NumberAxis precision = new NumberAxis("precision");
        precision.setRange(0, 1);
        XYPlot plot = new XYPlot(data, recall, precision, renderer);
        JFreeChart chart = new JFreeChart("Precision against recall, over all queries", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        ChartStyle.apply(chart, theme);
        return chart;
    }
}
