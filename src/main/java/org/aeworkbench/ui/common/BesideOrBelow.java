package org.aeworkbench.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Two parts of a view, a chart and the column of figures or controls that goes with it, side by
 * side while the width holds the column at its preferred width and the chart at its minimum, and
 * the second under the first when it does not: in a narrow window, or beside the open lessons
 * panel, the chart then keeps the whole width instead of being squeezed to a sliver. The part that
 * grows is the one whose {@link javafx.scene.layout.HBox#getHgrow} is {@link Priority#ALWAYS}
 * (otherwise the first); side by side it takes the width the other leaves, and both the full
 * height; one under the other, each takes its preferred height, any surplus going to the first.
 * {@link #scrolling()} wraps it so that, stacked and taller than the tab, it scrolls.
 */
public final class BesideOrBelow extends Region {

    private final Region first;
    private final Region second;
    private final double gap;

    public BesideOrBelow(Region first, Region second, double gap) {
        this.first = first;
        this.second = second;
        this.gap = gap;
        getChildren().addAll(first, second);
    }

    /** In a vertical scroll pane that fills its parent: it scrolls only when the parts, one under the other, do not fit. */
    public ScrollPane scrolling() {
        ScrollPane scroll = new ScrollPane(this);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /**
     * A column of tables that must not be squeezed (their cells would be cut), in a pane that
     * scrolls it sideways when it is wider than the view: laid under the chart in a narrow view,
     * the column then takes the chart's width instead of widening the view past its pane.
     */
    public static ScrollPane sideways(Region column) {
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Shown only when needed, and then counted in the pane's height, so it never covers the column's last row.
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.widthProperty().addListener((obs, old, now) -> scroll.setHbarPolicy(column.minWidth(-1) > now.doubleValue() + 0.5
                ? ScrollPane.ScrollBarPolicy.ALWAYS : ScrollPane.ScrollBarPolicy.NEVER));
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinWidth(Math.min(column.getMinWidth() > 0 ? column.getMinWidth() : ChartStyle.MIN_WIDTH, ChartStyle.MIN_WIDTH));
        scroll.setPrefWidth(column.getPrefWidth() > 0 ? column.getPrefWidth() : Region.USE_COMPUTED_SIZE);
        return scroll;
    }

    /**
     * Whether at this total width the second part goes under the first: side by side, the part that
     * does not grow needs its preferred width and the growing one its minimum.
     */
    public boolean stacked(double width) {
        return inner(width) < grows().minWidth(-1) + gap + prefWidth(keeps());
    }

    private Region grows() {
        return javafx.scene.layout.HBox.getHgrow(second) == Priority.ALWAYS ? second : first;
    }

    private Region keeps() {
        return grows() == second ? first : second;
    }

    private double inner(double width) {
        Insets in = getInsets();
        return width - in.getLeft() - in.getRight();
    }

    private double vertical() {
        return getInsets().getTop() + getInsets().getBottom();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.max(first.minWidth(-1), second.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + first.prefWidth(-1) + gap + second.prefWidth(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        if (width < 0 || !stacked(width)) {
            double[] w = width < 0 ? new double[] {-1, -1} : widths(inner(width));
            return vertical() + Math.max(first.minHeight(w[0]), second.minHeight(w[1]));
        }
        double w = inner(width);
        return vertical() + prefHeight(first, w) + gap + prefHeight(second, w);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (width < 0 || !stacked(width)) {
            double[] w = width < 0 ? new double[] {-1, -1} : widths(inner(width));
            return vertical() + Math.max(prefHeight(first, w[0]), prefHeight(second, w[1]));
        }
        double w = inner(width);
        return vertical() + prefHeight(first, w) + gap + prefHeight(second, w);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = inner(getWidth());
        double h = getHeight() - vertical();
        if (stacked(getWidth())) {
            double secondHeight = prefHeight(second, w);
            double firstHeight = Math.max(prefHeight(first, w), h - gap - secondHeight);
            first.resizeRelocate(x, y, w, snapSizeY(firstHeight));
            second.resizeRelocate(x, snapPositionY(y + firstHeight + gap), w, snapSizeY(secondHeight));
        } else {
            double[] widths = widths(w);
            first.resizeRelocate(x, y, snapSizeX(widths[0]), h);
            second.resizeRelocate(snapPositionX(x + widths[0] + gap), y, snapSizeX(widths[1]), h);
        }
    }

    /** A preferred height never below the minimum, as the layout panes bound it. */
    private static double prefHeight(Region r, double width) {
        return Math.max(r.minHeight(width), r.prefHeight(width));
    }

    private static double prefWidth(Region r) {
        return Math.max(r.minWidth(-1), r.prefWidth(-1));
    }

    /** Side by side: the part that does not grow at its preferred width, the other the rest. */
    private double[] widths(double total) {
        double keep = prefWidth(keeps());
        double grow = total - gap - keep;
        return grows() == second ? new double[] {keep, grow} : new double[] {grow, keep};
    }
}
