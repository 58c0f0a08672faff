package org.aeworkbench.ui.common;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Charts of equal standing, side by side while each gets at least {@code minChartWidth}, wrapping
 * onto further rows when they do not (a narrow window, or the lessons panel open beside the tabs):
 * each chart keeps a readable width instead of all of them shrinking together, or running past the
 * pane. The charts of a row share its width equally; each row is as tall as its tallest chart wants.
 */
public final class ChartRow extends Pane {

    private final double gap;
    private final double minChartWidth;

    public ChartRow(double gap, double minChartWidth) {
        this.gap = gap;
        this.minChartWidth = minChartWidth;
    }

    /** Charts in one row at this total width. */
    public int columns(double width) {
        int n = getManagedChildren().size();
        int fit = (int) Math.floor((inner(width) + gap) / (minChartWidth + gap));
        return Math.max(1, Math.min(n, fit));
    }

    private double inner(double width) {
        Insets in = getInsets();
        return width - in.getLeft() - in.getRight();
    }

    private double columnWidth(double width) {
        int c = columns(width);
        return (inner(width) - gap * (c - 1)) / c;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + minChartWidth;
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> charts = getManagedChildren();
        double sum = 0;
        for (Node c : charts) {
            sum += c.prefWidth(-1);
        }
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + sum + gap * Math.max(0, charts.size() - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    private double height(double width, boolean min) {
        List<Node> charts = getManagedChildren();
        double w = width < 0 ? -1 : columnWidth(width);
        int c = width < 0 ? charts.size() : columns(width);
        double total = getInsets().getTop() + getInsets().getBottom();
        for (int start = 0; start < charts.size(); start += c) {
            total += (start > 0 ? gap : 0) + rowHeight(charts, start, c, w, min);
        }
        return total;
    }

    private static double rowHeight(List<Node> charts, int start, int columns, double width, boolean min) {
        double h = 0;
        for (int i = start; i < Math.min(charts.size(), start + columns); i++) {
            Node n = charts.get(i);
            h = Math.max(h, min ? n.minHeight(width) : n.prefHeight(width));
        }
        return h;
    }

    @Override
    protected void layoutChildren() {
        List<Node> charts = getManagedChildren();
        int c = columns(getWidth());
        double w = columnWidth(getWidth());
        double y = getInsets().getTop();
        for (int start = 0; start < charts.size(); start += c) {
            double h = rowHeight(charts, start, c, w, false);
            for (int i = start; i < Math.min(charts.size(), start + c); i++) {
                double x = getInsets().getLeft() + (i - start) * (w + gap);
                charts.get(i).resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(w), snapSizeY(h));
            }
            y += h + gap;
        }
    }
}
