package org.aeworkbench.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Makes a JFreeChart look like the rest of the window: the theme's background and text colours,
 * light grid lines, no chart border, and the same sans-serif font as the controls. In
 * presentation mode ({@link #setPresentation}) fonts are larger and the curves' lines thicker, for
 * a projector at the back of a room.
 */
public final class ChartStyle {

    /** How much larger fonts and how much thicker lines are in presentation mode. */
    public static final float PRESENTATION_SCALE = 1.6f;

    /**
     * The narrowest a view lays a chart out: its axes' ticks and its legend still read. A view too
     * narrow for a chart at this width and its side column moves the column under the chart
     * ({@link BesideOrBelow}), or wraps a row of charts ({@link ChartRow}).
     */
    public static final double MIN_WIDTH = 240;

    private static float scale = 1f;

    private ChartStyle() {
    }

    /** Presentation mode on or off for every chart styled from now on (the window restyles its charts at once). */
    public static void setPresentation(boolean on) {
        scale = on ? PRESENTATION_SCALE : 1f;
    }

    public static boolean presentation() {
        return scale != 1f;
    }

    /**
     * A line of the given width as it is drawn now (thicker in presentation mode); restyling later
     * scales it from its width here, never twice.
     */
    public static BasicStroke line(BasicStroke normal) {
        return scale == 1f ? normal : new ScaledStroke(normal, scale);
    }

    private static Font title() {
        return new Font(Font.SANS_SERIF, Font.BOLD, Math.round(13 * scale));
    }

    private static Font label() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * scale));
    }

    private static Font tick() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * scale));
    }

    public static void apply(JFreeChart chart, Theme theme) {
        Font titleFont = title();
        Font tickFont = tick();
        chart.setBackgroundPaint(theme.chartBackground());
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(titleFont);
            title.setPaint(theme.chartForeground());
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(theme.chartBackground());
                legend.setItemPaint(theme.chartForeground());
                legend.setItemFont(tickFont);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            } else if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setPaint(theme.chartMuted());
                t.setFont(tickFont);
            }
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(theme.chartBackground());
            plot.setOutlinePaint(outline(theme));
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
            for (int i = 0; i < plot.getRendererCount(); i++) {
                if (plot.getRenderer(i) instanceof AbstractRenderer r && plot.getDataset(i) != null) {
                    scaleLines(r, plot.getDataset(i).getSeriesCount());
                }
            }
        }
    }

    /** Sets each series' line to its normal width times the scale now, remembering the normal width. */
    private static void scaleLines(AbstractRenderer r, int series) {
        for (int s = 0; s < series; s++) {
            if (r.getSeriesStroke(s) instanceof BasicStroke stroke) {
                BasicStroke normal = stroke instanceof ScaledStroke scaled ? scaled.normal : stroke;
                r.setSeriesStroke(s, line(normal), false);
            }
        }
    }

    /** A stroke drawn thicker than its normal width, which it keeps. */
    private static final class ScaledStroke extends BasicStroke {
        private final BasicStroke normal;

        ScaledStroke(BasicStroke normal, float scale) {
            super(normal.getLineWidth() * scale, normal.getEndCap(), normal.getLineJoin(), normal.getMiterLimit(),
                    dashes(normal.getDashArray(), scale), normal.getDashPhase() * scale);
            this.normal = normal;
        }

        private static float[] dashes(float[] d, float scale) {
            if (d == null) {
                return null;
            }
            float[] out = d.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
            return out;
        }
    }

    /**
     * The data area's outline: the grid's colour, one step off in blue. FXGraphics2D skips a paint
     * equal to the one it set last, and the plot restores its clip (which resets the canvas's
     * paint) between the grid lines and the outline: in the grid's own colour the outline came
     * out in the gray left by the restore, on the canvas only.
     */
    static Color outline(Theme theme) {
        Color grid = theme.chartGrid();
        return new Color(grid.getRed(), grid.getGreen(), grid.getBlue() ^ 1);
    }

    public static void axis(Axis a, Theme theme) {
        if (a == null) {
            return;
        }
        Font tickFont = tick();
        a.setLabelFont(label());
        a.setLabelPaint(theme.chartMuted());
        a.setTickLabelFont(tickFont);
        a.setTickLabelPaint(theme.chartMuted());
        a.setAxisLinePaint(theme.chartGrid());
        a.setTickMarkPaint(theme.chartGrid());
    }

    /** A colour with the given alpha (0-255). */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
