package org.aeworkbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves over epochs on shared axes with a legend: the loss curves of a run, or several runs'
 * curves overlaid. Built on JFreeChart's AWT core, so the window shows the same object in a
 * {@code ChartViewer} and a report writes it as a PNG. Points that are not finite are left out.
 */
public final class CurvesChart {

    /**
     * One curve.
     *
     * @param name   the legend's text (must differ from the other curves')
     * @param x      epochs
     * @param y      values, one per epoch
     * @param colour its colour
     */
    public record Curve(String name, double[] x, double[] y, Color colour) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " epochs but " + y.length + " values");
            }
        }
    }

    private CurvesChart() {
    }

    public static JFreeChart create(String title, String yLabel, List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            XYSeries s = new XYSeries(c.name(), false, true);
            for (int j = 0; j < c.x().length; j++) {
                if (Double.isFinite(c.y()[j])) {
                    s.add(c.x()[j], c.y()[j], false);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, c.colour());
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0E0E0));
        plot.setRangeGridlinePaint(new Color(0xE0E0E0));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
