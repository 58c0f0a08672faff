package org.aeworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.aeworkbench.data.Dataset;

/**
 * A table's row as numbers: one line per feature, named as in the file's header, the input
 * beside what each model made of it, each value with a small bar over the data's range, and the
 * squared error of the first model per feature; the last line sums each model's errors. This is
 * how the worked example's customers are read: six products, bought (1) or not (0), and how
 * close the reconstruction came to each.
 */
public final class SampleValues {

    /** Width of a bar for the whole of the data's range, in pixels. */
    private static final double BAR = 26;

    /**
     * One column of values.
     *
     * @param title  what it is ("input", "autoencoder", "PCA")
     * @param values the sample's d values
     */
    public record Column(String title, float[] values) {
    }

    private SampleValues() {
    }

    /** The features' names: the data's own (a table's header), else x1, x2, ... */
    public static List<String> featureNames(Dataset data) {
        if (!data.featureNames().isEmpty()) {
            return data.featureNames();
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < data.features(); j++) {
            names.add("x" + (j + 1));
        }
        return names;
    }

    /**
     * @param names   d feature names
     * @param columns the input first, then the models' outputs (the first output's error is listed)
     * @param lo      the data's smallest value, where bars start
     * @param hi      its largest
     */
    public static GridPane table(List<String> names, List<Column> columns, float lo, float hi) {
        return table(names, columns, lo, hi, columns.size() > 1);
    }

    /**
     * Columns side by side as bare numbers, negative ones in another colour, with no errors: for
     * many columns of which none is an input the others reconstruct (a layer's weights).
     */
    public static GridPane listing(List<String> names, List<Column> columns) {
        return table(names, columns, 0, 0, false);
    }

    /** @param lo the data's smallest value; with {@code hi == lo}, bare numbers without bars */
    private static GridPane table(List<String> names, List<Column> columns, float lo, float hi, boolean errors) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("value-table");
        grid.setHgap(8);
        grid.setVgap(1);
        int c = 1;
        for (Column col : columns) {
            grid.add(header(col.title()), c++, 0);
        }
        if (errors) {
            grid.add(header("error\u00b2"), c, 0);
        }
        float[] input = columns.get(0).values();
        double[] sums = new double[columns.size()];
        for (int j = 0; j < names.size(); j++) {
            Label name = new Label(names.get(j));
            name.getStyleClass().add("feature-name");
            grid.add(name, 0, j + 1);
            for (int k = 0; k < columns.size(); k++) {
                float v = columns.get(k).values()[j];
                grid.add(hi > lo ? value(v, lo, hi) : number(Formats.value(v), v < 0 ? "negative-value" : "data-value"), k + 1, j + 1);
                double e = (double) v - input[j];
                sums[k] += e * e;
            }
            if (errors) {
                double e = (double) columns.get(1).values()[j] - input[j];
                grid.add(number(error(e * e), "error-value"), columns.size() + 1, j + 1);
            }
        }
        if (errors) {
            int last = names.size() + 1;
            Label total = new Label("sum of error\u00b2");
            total.getStyleClass().add("feature-name");
            grid.add(total, 0, last);
            for (int k = 1; k < columns.size(); k++) {
                grid.add(number(error(sums[k]), "error-total"), k + 1, last);
            }
        }
        ColumnConstraints names0 = new ColumnConstraints();
        names0.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(names0);
        for (int k = 0; k <= columns.size(); k++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            cc.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    /** Squared errors with three decimals, so small ones line up as small rather than in powers of ten. */
    private static String error(double e) {
        return e < 100 ? String.format(java.util.Locale.ROOT, "%.3f", e) : Formats.value(e);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("value-header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label number(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("value-number", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * The value as a number after a bar over [lo, hi]: from the left end, or from zero when the
     * range spans it (negative values then run left of zero, in another colour).
     */
    private static HBox value(float v, float lo, float hi) {
        double span = hi > lo ? hi - lo : 1;
        double c = Math.max(lo, Math.min(hi, v));
        double zero = lo < 0 && hi > 0 ? 0 : lo;
        double from = (Math.min(c, zero) - lo) / span;
        double to = (Math.max(c, zero) - lo) / span;
        Region track = new Region();
        track.getStyleClass().add("value-track");
        track.setMinSize(BAR, 6);
        track.setPrefSize(BAR, 6);
        track.setMaxSize(BAR, 6);
        Region bar = new Region();
        bar.getStyleClass().add(c < zero ? "value-bar-negative" : "value-bar");
        double width = Math.max(1, BAR * (to - from));
        bar.setMinSize(width, 6);
        bar.setPrefSize(width, 6);
        bar.setMaxSize(width, 6);
        bar.setTranslateX(BAR * from);
        javafx.scene.layout.StackPane barBox = new javafx.scene.layout.StackPane(track, bar);
        javafx.scene.layout.StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        barBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox cell = new HBox(4, barBox, number(Formats.value(v), "data-value"));
        cell.setAlignment(Pos.CENTER_RIGHT);
        cell.setMinWidth(Region.USE_PREF_SIZE);
        return cell;
    }
}
