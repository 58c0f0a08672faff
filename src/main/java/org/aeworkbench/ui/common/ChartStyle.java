package org.aeworkbench.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Makes a JFreeChart look like the rest of the window: the theme's background and text colours,
 * light grid lines, no chart border, and the same sans-serif font as the controls.
 */
public final class ChartStyle {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartStyle() {
    }

    public static void apply(JFreeChart chart, Theme theme) {
        chart.setBackgroundPaint(theme.chartBackground());
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
            title.setPaint(theme.chartForeground());
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(theme.chartBackground());
                legend.setItemPaint(theme.chartForeground());
                legend.setItemFont(TICK);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            } else if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setPaint(theme.chartMuted());
                t.setFont(TICK);
            }
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(theme.chartBackground());
            plot.setOutlinePaint(theme.chartGrid());
            plot.setDomainGridlinePaint(theme.chartGrid());
            plot.setRangeGridlinePaint(theme.chartGrid());
            plot.setDomainGridlineStroke(new BasicStroke(0.6f));
            plot.setRangeGridlineStroke(new BasicStroke(0.6f));
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                axis(plot.getDomainAxis(i), theme);
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                axis(plot.getRangeAxis(i), theme);
            }
        }
    }

    public static void axis(Axis a, Theme theme) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL);
        a.setLabelPaint(theme.chartMuted());
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(theme.chartMuted());
        a.setAxisLinePaint(theme.chartGrid());
        a.setTickMarkPaint(theme.chartGrid());
    }

    /** A colour with the given alpha (0-255). */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
