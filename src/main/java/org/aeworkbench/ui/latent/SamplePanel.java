package org.aeworkbench.ui.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.common.SampleValues;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparedData;

/**
 * The clicked sample beside the scatters: its input, the autoencoder's reconstruction and PCA's
 * at the same k, each with its squared error. Reconstructions are computed in the background on
 * a copy of the model.
 */
final class SamplePanel extends VBox {

    private static final int SCALE = 4;

    private static final String NONE = "Click a point";

    private final WorkbenchModel wb;
    private final Label title = new Label(NONE);
    private final Label hint = new Label("Hover over a point to see its input; click to see it beside its reconstructions.");
    private final VBox content = new VBox(6);
    private final ModelCache model = new ModelCache();
    /** Counts the samples shown, so a reconstruction that arrives after another click or a clear is dropped. */
    private int shown;

    SamplePanel(WorkbenchModel wb) {
        this.wb = wb;
        setId("sample-panel");
        getStyleClass().add("sample-panel");
        setPrefWidth(160);
        setMinWidth(150);
        setSpacing(6);
        title.getStyleClass().add("section-title");
        hint.setWrapText(true);
        hint.setPrefWidth(150);
        hint.getStyleClass().add("image-caption");
        content.getChildren().add(hint);
        getChildren().addAll(title, content);
    }

    /** A small card for hovering: the sample's image (or its values) and its label. */
    static Node card(PreparedData data, int index, int scale) {
        Dataset all = data.all();
        float[] range = data.valueRange();
        Node look = SampleImages.isTabular(all.sampleShape())
                ? SampleValues.table(SampleValues.featureNames(all), List.of(new SampleValues.Column("value", all.sample(index))),
                        range[0], range[1])
                : new ImageView(SampleImages.of(all.values(), index, all.sampleShape(), range[0], range[1], scale));
        Label caption = new Label(caption(all, index));
        caption.getStyleClass().add("image-caption");
        VBox box = new VBox(2, look, caption);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("hover-card");
        return box;
    }

    static String caption(Dataset all, int index) {
        String label = "";
        if (all.hasLabels()) {
            int l = all.labels()[index];
            label = " \u00b7 " + (l < all.classNames().size() ? all.classNames().get(l) : Integer.toString(l));
        }
        return "#" + index + label;
    }

    String title() {
        return title.getText();
    }

    /** Back to the hint: nothing selected (the model was replaced, or the data changed). */
    void clear() {
        shown++;
        setPrefWidth(160);
        setMinWidth(150);
        title.setText(NONE);
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != hint) {
            // Put back only when something else is shown: re-added, the wrapped hint is styled and
            // measured again, and every run clears the panel at its start and its end.
            content.getChildren().setAll(hint);
        }
    }

    /** Shows sample {@code index} of the data the model was trained on. */
    void show(int index) {
        TrainedModel trained = wb.training().model();
        PreparedData data = trained != null ? trained.data() : wb.training().trainedOn();
        ModelSnapshot frozen = trained == null ? null : trained.weights();
        if (data == null) {
            return;
        }
        int ticket = ++shown;
        Dataset all = data.all();
        title.setText("SAMPLE " + caption(all, index).toUpperCase(Locale.ROOT));
        float[] range = data.valueRange();
        float[] x = all.sample(index);
        boolean tabular = SampleImages.isTabular(all.sampleShape());
        // A table's row is listed as numbers, under the plots (see LatentView), as wide as it needs.
        setPrefWidth(tabular ? Region.USE_COMPUTED_SIZE : 160);
        setMinWidth(tabular ? Region.USE_PREF_SIZE : 150);
        setMinHeight(tabular ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
        List<String> names = SampleValues.featureNames(all);
        content.getChildren().setAll(tabular
                ? SampleValues.table(names, List.of(new SampleValues.Column("input", x)), range[0], range[1])
                : image(all.values(), index, all, range, "input"));
        if (frozen == null) {
            return;
        }
        PcaModel.Fitted fit = wb.pca().fitted();
        Pca pca = fit != null && fit.data() == data && fit.pca().codeSize() >= frozen.codeSize() ? fit.pca() : null;
        Background.run("sample reconstruction", () -> model.with(frozen, m -> {
            float[] ae = m.reconstruct(wb.inference(), x, 1);
            float[] pc = null;
            if (pca != null) {
                int k = m.codeSize();
                float[] codes = pca.transform(x, 1);
                for (int j = k; j < codes.length; j++) {
                    codes[j] = 0; // keep the first k components only: PCA at the autoencoder's code size
                }
                pc = pca.inverseTransform(codes, 1);
            }
            return new float[][] {ae, pc};
        }), r -> {
            if (ticket != shown) {
                return;
            }
            if (tabular) {
                List<SampleValues.Column> columns = new ArrayList<>(List.of(new SampleValues.Column("input", x),
                        new SampleValues.Column("autoencoder", r[0])));
                if (r[1] != null) {
                    columns.add(new SampleValues.Column("PCA", r[1]));
                }
                Label note = new Label("error\u00b2 is the autoencoder's per feature" + (r[1] == null ? ""
                        : "; PCA keeps k = " + frozen.codeSize() + " components"));
                note.getStyleClass().add("image-caption");
                note.setWrapText(true);
                content.getChildren().setAll(SampleValues.table(names, columns, range[0], range[1]), note);
                return;
            }
            content.getChildren().add(image(r[0], 0, all, range, "autoencoder \u00b7 error " + Formats.loss(sq(x, r[0]))));
            if (r[1] != null) {
                content.getChildren().add(image(r[1], 0, all, range, "PCA, k = " + frozen.codeSize() + " \u00b7 error "
                        + Formats.loss(sq(x, r[1]))));
            }
        }, msg -> content.getChildren().add(new Label(msg)));
    }

    private static Node image(float[] values, int i, Dataset all, float[] range, String caption) {
        ImageView img = new ImageView(SampleImages.of(values, i, all.sampleShape(), range[0], range[1], SCALE));
        Label l = new Label(caption);
        l.getStyleClass().add("image-caption");
        l.setWrapText(true);
        VBox box = new VBox(2, img, l);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static double sq(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
