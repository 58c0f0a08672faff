package org.aeworkbench.ui.codes;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.dataset.PreparedData;

/**
 * One sample as a cell of a gallery: image-shaped samples as a picture, other samples (rows of a
 * table) as their first values written out, since a table row drawn as a tiny image says nothing.
 */
public final class SampleCells {

    /** Values written out for a tabular sample; the rest are elided. */
    private static final int VALUES_SHOWN = 6;

    private SampleCells() {
    }

    /** Whether samples of this data are pictures rather than rows of values. */
    public static boolean pictures(Dataset all) {
        return !all.sampleShape().isVector();
    }

    /** Row {@code row} of the full data set with {@code caption} under it. */
    public static Node cell(PreparedData data, int row, String caption, int scale) {
        Dataset all = data.all();
        if (pictures(all)) {
            float[] range = data.valueRange();
            return Gallery.cell(SampleImages.of(all.values(), row, all.sampleShape(), range[0], range[1], scale), caption);
        }
        Label values = new Label(values(all, row));
        values.getStyleClass().add("sample-values");
        values.setWrapText(true);
        values.setMaxWidth(140);
        VBox box = new VBox(1, values);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("gallery-cell");
        if (caption != null) {
            Label l = new Label(caption);
            l.getStyleClass().add("image-caption");
            box.getChildren().add(l);
        }
        return box;
    }

    /** "0.12, 3.4, ... (+12 more)": the first values of a sample. */
    static String values(Dataset all, int row) {
        int d = all.features();
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < Math.min(d, VALUES_SHOWN); j++) {
            b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", all.values()[row * d + j]));
        }
        if (d > VALUES_SHOWN) {
            b.append(", \u2026 (+").append(d - VALUES_SHOWN).append(')');
        }
        return b.toString();
    }

    /** The sample's class name, or its row ("#123") when the data has no labels. */
    public static String className(Dataset all, int row) {
        if (!all.hasLabels()) {
            return "#" + row;
        }
        int l = all.labels()[row];
        return l < all.classNames().size() ? all.classNames().get(l) : Integer.toString(l);
    }

    /** "#123 · T-shirt/top": the row and its class name, when the data has labels. */
    public static String caption(Dataset all, int row) {
        return all.hasLabels() ? "#" + row + " \u00b7 " + className(all, row) : "#" + row;
    }
}
