package org.aeworkbench.ui.anomaly;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.SampleImages;

/**
 * The held-out samples with the highest or the lowest autoencoder scores, each over its
 * reconstruction, captioned with its score and label (flagged anomalies marked). Images are drawn
 * for image-shaped data; other data shows its values, input over reconstruction, since a few grey
 * pixels say nothing about six numbers.
 */
final class ScoreGallery {

    static final int SHOWN = 10;
    private static final int SCALE = 2;
    /** Values shown per tabular sample; wider rows end in an ellipsis. */
    private static final int VALUES = 6;

    private ScoreGallery() {
    }

    /** Test-sample indices ordered by the autoencoder's score, highest first (ties by index). */
    static int[] byScoreDescending(double[] scores) {
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    static GridPane of(AnomalyResult r, int[] order, boolean highest, float[] range) {
        Dataset test = r.split().test();
        int n = Math.min(SHOWN, order.length);
        int[] shown = highest ? Arrays.copyOf(order, n) : reversedTail(order, n);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        grid.getStyleClass().add("score-gallery");
        boolean image = !test.sampleShape().isVector();
        grid.add(Gallery.rowTitle("input"), 0, 0);
        grid.add(Gallery.rowTitle("autoencoder"), 0, 1);
        for (int c = 0; c < shown.length; c++) {
            int i = shown[c];
            String caption = caption(r, i);
            if (image) {
                grid.add(Gallery.cell(SampleImages.of(test.values(), i, test.sampleShape(), range[0], range[1], SCALE), null), c + 1, 0);
                grid.add(Gallery.cell(SampleImages.of(r.ae().reconstructions(), i, test.sampleShape(), range[0], range[1], SCALE),
                        caption), c + 1, 1);
            } else {
                grid.add(values(test.values(), i, test.features(), null), c + 1, 0);
                grid.add(values(r.ae().reconstructions(), i, test.features(), caption), c + 1, 1);
            }
        }
        return grid;
    }

    private static int[] reversedTail(int[] order, int n) {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = order[order.length - 1 - k];
        }
        return out;
    }

    private static String caption(AnomalyResult r, int i) {
        Dataset test = r.split().test();
        String label = test.hasLabels() ? test.classNames().get(test.labels()[i]) : "#" + i;
        boolean anomaly = r.split().anomalous() != null && r.split().anomalous()[i];
        return Formats.loss(r.ae().scores()[i]) + "\n" + label + (anomaly ? " \u2022" : "");
    }

    private static VBox values(float[] v, int i, int d, String caption) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < Math.min(VALUES, d); j++) {
            b.append(String.format(Locale.ROOT, "%.3g", v[i * d + j])).append(j + 1 < Math.min(VALUES, d) ? "\n" : "");
        }
        if (d > VALUES) {
            b.append("\n\u2026");
        }
        Label l = new Label(b.toString());
        l.getStyleClass().add("sample-values");
        VBox box = new VBox(1, l);
        box.getStyleClass().add("gallery-cell");
        if (caption != null) {
            Label c = new Label(caption);
            c.getStyleClass().add("image-caption");
            box.getChildren().add(c);
        }
        return box;
    }
}
