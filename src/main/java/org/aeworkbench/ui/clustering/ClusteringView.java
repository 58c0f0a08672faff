package org.aeworkbench.ui.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.analysis.cluster.ClusterAgreement;
import org.aeworkbench.analysis.cluster.ClusteringComparison;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.codes.PlaneOfCodes;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.BesideOrBelow;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.common.TextWhileShown;
import org.aeworkbench.ui.plot.ScatterPlot;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The Clustering tab: k-means (k-means++ starts, seeded restarts) on the held-out samples' codes,
 * with the scatter coloured by cluster or by label; ACC, NMI and ARI for the codes, PCA codes of
 * the same width and the raw inputs side by side; the confusion matrix of clusters against labels;
 * and DEC refinement, the scatter redrawn after every epoch as the clusters tighten.
 */
public final class ClusteringView extends VBox implements TabView {

    private final ClusteringModel model;
    private final ScatterPlot scatter = new ScatterPlot("Held-out codes");
    private final Spinner<Integer> k = new Spinner<>(1, 100, 10);
    private final Spinner<Integer> restarts = new Spinner<>(1, 100, ClusteringModel.DEFAULT_RESTARTS);
    private final Spinner<Integer> decEpochs = new Spinner<>(1, 200, ClusteringModel.DEFAULT_DEC_EPOCHS);
    private final ComboBox<ClusteringModel.Colouring> colouring = new ComboBox<>();
    private final ComboBox<String> confusionOf = new ComboBox<>();
    private final GridPane metrics = new GridPane();
    private final ConfusionGrid confusion = new ConfusionGrid();
    private final Label status = new Label();
    private final TextWhileShown statusText;

    public ClusteringView(WorkbenchModel wb) {
        this.model = new ClusteringModel(wb);
        setId("clustering-view");
        getStyleClass().add("view");
        setSpacing(8);

        k.setId("clusters-k");
        k.setPrefWidth(75);
        k.setTooltip(new Tooltip("Number of clusters k"));
        restarts.setId("clusters-restarts");
        restarts.setPrefWidth(75);
        restarts.setTooltip(new Tooltip("k-means++ starts, each seeded; the one of lowest inertia is kept"));
        Button run = new Button("Cluster");
        run.setId("cluster-button");
        run.setOnAction(e -> cluster());
        colouring.setId("cluster-colouring");
        colouring.getItems().setAll(ClusteringModel.Colouring.values());
        colouring.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ClusteringModel.Colouring c) {
                return c == null ? "" : c == ClusteringModel.Colouring.CLUSTERS ? "clusters" : "labels";
            }

            @Override
            public ClusteringModel.Colouring fromString(String s) {
                return "labels".equals(s) ? ClusteringModel.Colouring.LABELS : ClusteringModel.Colouring.CLUSTERS;
            }
        });
        colouring.setValue(ClusteringModel.Colouring.CLUSTERS);
        colouring.setTooltip(new Tooltip("Colour the points by cluster, or by their label"));
        colouring.valueProperty().addListener((obs, old, now) -> model.colourBy(now));
        decEpochs.setId("dec-epochs");
        decEpochs.setPrefWidth(75);
        decEpochs.setTooltip(new Tooltip("DEC stops after this many epochs, or once fewer than 0.1% of samples change cluster"));
        Button dec = new Button("Refine with DEC");
        dec.setId("dec-button");
        dec.setTooltip(new Tooltip("Deep embedded clustering (Xie, Girshick and Farhadi 2016): fine-tune the encoder"
                + " towards a sharpened version of its own soft clusters"));
        dec.setOnAction(e -> model.refineWithDec(decEpochs.getValue()));
        Button stop = new Button("Stop");
        stop.setId("dec-stop");
        stop.setOnAction(e -> model.stopDec());
        stop.disableProperty().bind(model.busyProperty().not());
        run.disableProperty().bind(model.busyProperty());
        dec.disableProperty().bind(model.busyProperty().or(model.resultProperty().isNull()));
        for (Region r : new Region[] {k, restarts, decEpochs, run, dec, stop, colouring}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        colouring.setPrefWidth(120);
        // Wraps in a narrow window, so the status line under it is not pushed past the pane.
        FlowPane bar = new FlowPane(8, 6, label("Clusters"), k, label("Restarts"), restarts, run, label("Colour by"), colouring);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");
        FlowPane decBar = new FlowPane(8, 6, label("DEC epochs"), decEpochs, dec, stop);
        decBar.setAlignment(Pos.CENTER_LEFT);
        status.setId("clustering-status");
        status.setWrapText(true);
        statusText = new TextWhileShown(status, model.statusProperty());

        scatter.setId("clustering-scatter");
        metrics.setId("clustering-metrics");
        metrics.setHgap(14);
        metrics.setVgap(4);
        confusionOf.setId("confusion-method");
        confusionOf.valueProperty().addListener((obs, old, now) -> showConfusion());
        VBox right = new VBox(8, Gallery.rowTitle("Agreement with the labels"), metrics,
                new HBox(8, Gallery.rowTitle("Confusion matrix of"), confusionOf), confusion);
        right.setMinWidth(420);
        right.setPrefWidth(470);
        scatter.setMinWidth(ChartStyle.MIN_WIDTH);
        scatter.setMinHeight(300);
        HBox.setHgrow(scatter, Priority.ALWAYS);
        ScrollPane body = new BesideOrBelow(scatter, BesideOrBelow.sideways(right), 10).scrolling();
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(bar, decBar, status, body);

        model.resultProperty().addListener((obs, old, now) -> {
            showResult(now);
            redraw();
        });
        model.decFrameProperty().addListener((obs, old, now) -> redraw());
        model.colouringProperty().addListener((obs, old, now) -> redraw());
        wb.training().modelProperty().addListener((obs, old, now) -> {
            if (now != null && now.data().all().hasLabels()) {
                int classes = Math.max(2, now.data().all().classNames().size());
                k.getValueFactory().setValue(classes);
            }
        });
        showResult(null);
        redraw();
    }

    /** What Cluster does: k-means with the k and restarts shown (a lesson's Show me presses it too). */
    public void cluster() {
        if (!model.busyProperty().get()) {
            model.cluster(k.getValue(), restarts.getValue());
        }
    }

    public ClusteringModel model() {
        return model;
    }

    public ScatterPlot scatter() {
        return scatter;
    }

    @Override
    public void setShowing(boolean showing) {
        statusText.setShowing(showing); // clustering itself runs on request only
    }

    @Override
    public boolean followsWeights() {
        return false;
    }

    @Override
    public void setTheme(Theme t) {
        scatter.style(t);
    }

    private void redraw() {
        ClusteringResult r = model.resultProperty().get();
        if (r == null) {
            scatter.setPoints(new float[0], 0, null, List.of(), "z1", "z2", "Press Cluster to group the held-out codes (of a trained model)");
            scatter.setTitle("Held-out codes");
            return;
        }
        Dataset held = r.codes().heldOut();
        DecFrame dec = model.decFrameProperty().get();
        float[] plane = dec != null ? dec.plane() : r.plane();
        int[] clusters = dec != null ? dec.clusters() : r.rows().get(0).clusters();
        boolean byLabel = model.colouringProperty().get() == ClusteringModel.Colouring.LABELS && held.hasLabels();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < r.settings().clusters(); c++) {
            names.add("cluster " + (c + 1));
        }
        String[] axes = PlaneOfCodes.axes(r.codes().codes().width());
        scatter.setTitle(dec != null ? "DEC, epoch " + dec.epoch() + (byLabel ? ", coloured by label" : ", coloured by cluster")
                : "k-means on the codes" + (byLabel ? ", coloured by label" : ", coloured by cluster"));
        scatter.setPoints(plane, held.samples(), byLabel ? held.labels() : clusters,
                byLabel ? r.codes().model().data().all().classNames() : names, axes[0], axes[1],
                String.format(Locale.ROOT, "%,d held-out samples, k = %d", held.samples(), r.settings().clusters()));
    }

    private void showResult(ClusteringResult r) {
        metrics.getChildren().clear();
        String[] head = {"method", "ACC", "NMI", "ARI", "inertia"};
        for (int c = 0; c < head.length; c++) {
            metrics.add(Gallery.rowTitle(head[c]), c, 0);
        }
        List<String> available = new ArrayList<>();
        if (r != null) {
            for (int i = 0; i < r.rows().size(); i++) {
                ClusteringComparison.Row row = r.rows().get(i);
                ClusterAgreement a = row.agreement();
                String name = switch (row.method()) {
                    case "autoencoder" -> "codes (" + r.codes().codes().width() + ")";
                    case "PCA" -> "PCA codes (" + r.codes().pca().width() + ")";
                    case "raw" -> "raw inputs (" + r.codes().raw().width() + ")";
                    default -> "DEC";
                };
                Label n = new Label(name);
                n.setId("clustering-method-" + i);
                metrics.add(n, 0, i + 1);
                metrics.add(value(a == null ? "needs labels" : fmt(a.accuracy()), "clustering-acc-" + i), 1, i + 1);
                metrics.add(value(a == null ? "needs labels" : fmt(a.nmi()), "clustering-nmi-" + i), 2, i + 1);
                metrics.add(value(a == null ? "needs labels" : fmt(a.ari()), "clustering-ari-" + i), 3, i + 1);
                metrics.add(value(Double.isNaN(row.inertia()) ? "\u2013" : String.format(Locale.ROOT, "%.4g", row.inertia()),
                        "clustering-inertia-" + i), 4, i + 1);
                available.add(row.method());
            }
        }
        String was = confusionOf.getValue();
        boolean decArrived = available.contains("DEC") && !confusionOf.getItems().contains("DEC");
        confusionOf.getItems().setAll(available);
        confusionOf.setValue(available.isEmpty() ? null : decArrived ? "DEC" : available.contains(was) ? was : available.get(0));
        showConfusion();
    }

    private void showConfusion() {
        ClusteringResult r = model.resultProperty().get();
        String method = confusionOf.getValue();
        ClusteringComparison.Row row = r == null || method == null ? null : r.row(method);
        if (row == null) {
            confusion.getChildren().clear();
            return;
        }
        confusion.show(row.clusters(), r.codes().heldOut().labels(), r.codes().model().data().all().classNames());
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
