package org.aeworkbench.ui.plot;

import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * Round dots without chart entities: the scatter finds hovered points itself, so building an
 * entity per point on every redraw would only cost time.
 */
final class DotRenderer extends XYDotRenderer {

    private final Ellipse2D.Double dot = new Ellipse2D.Double();
    private final double size;

    DotRenderer(double size) {
        this.size = size;
        setDotWidth((int) Math.ceil(size));
        setDotHeight((int) Math.ceil(size));
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        double px = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double py = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
            double t = px;
            px = py;
            py = t;
        }
        g2.setPaint(getItemPaint(series, item));
        dot.setFrame(px - size / 2, py - size / 2, size, size);
        g2.fill(dot);
    }
}
