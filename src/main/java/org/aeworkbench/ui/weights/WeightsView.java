package org.aeworkbench.ui.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.aeworkbench.analysis.LayerFilters;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.RbmPretrainingSpec;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.ui.common.RefreshWhenShown;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.ExportMenu;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.common.SampleValues;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.PreparedData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The Weights tab: an encoder layer's weights drawn as images, one learned filter per unit (grey is
 * zero, white positive, black negative, each filter scaled to its own largest weight), and the
 * histogram of code activations on validation samples, which makes sparsity visible. The first
 * layer by default; a deeper dense layer's units through the weights below them
 * ({@link LayerFilters}), each RBM of a deep belief net in turn.
 */
public final class WeightsView extends HBox implements TabView {

    private static final int MAX_FILTERS = 128;
    private static final int SCALE = 2;
    private static final int BINS = 60;
    /** Fewer validation samples than this, and the activations of all samples are drawn. */
    private static final int FEW = 12;
    /** A table's row with up to this many units: the weights are listed as numbers, one column per unit. */
    private static final int LISTED_UNITS = 8;

    private final WorkbenchModel wb;
    private final TilePane filters = new TilePane(3, 3);
    private final Label filterNote = new Label();
    private final ComboBox<Integer> layer = new ComboBox<>();
    private final JFreeChart chart;
    private final Label sparsity = new Label();
    private boolean running;
    private final ModelCache model = new ModelCache();
    private boolean again;

    public WeightsView(WorkbenchModel wb) {
        this.wb = wb;
        getStyleClass().add("view");
        setId("weights-view");
        setSpacing(12);

        filters.setId("filters");
        filters.setPrefColumns(10);
        filterNote.getStyleClass().add("metrics");
        filterNote.setWrapText(true);
        filterNote.setMinHeight(Region.USE_PREF_SIZE);
        Label filtersTitle = new Label("FILTERS");
        filtersTitle.getStyleClass().add("section-title");
        filtersTitle.setMinWidth(Region.USE_PREF_SIZE); // the layer chooser beside it must not elide it
        layer.setId("filter-layer");
        layer.setTooltip(new Tooltip("Whose filters: the first layer's weights, or a deeper layer's units seen through"
                + " the weights below them"));
        layer.valueProperty().addListener((obs, o, n) -> {
            if (n != null && o != null) {
                refresh();
            }
        });
        layer.managedProperty().bind(layer.visibleProperty());
        ScrollPane scroll = new ScrollPane(filters);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox title = new HBox(8, filtersTitle, layer);
        title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox left = new VBox(6, title, filterNote, scroll);
        left.setPrefWidth(420);
        HBox.setHgrow(left, Priority.ALWAYS);

        NumberAxis x = new NumberAxis("code activation");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("count");
        XYBarRenderer bars = new XYBarRenderer(0.05);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Colours.TRAIN);
        chart = new JFreeChart("Code activations on validation samples", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(new HistogramDataset(), x, y, bars), false);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("activation-histogram");
        VBox.setVgrow(viewer, Priority.ALWAYS);
        sparsity.getStyleClass().add("metrics");
        sparsity.setWrapText(true);
        sparsity.setId("sparsity-note");
        var export = ExportMenu.forCharts("Export", Map.of("code-activations", () -> chart));
        export.setMinWidth(Region.USE_PREF_SIZE);
        VBox right = new VBox(6, export, viewer, sparsity);
        right.setPrefWidth(420);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        wb.training().modelProperty().addListener((obs, o, n) -> {
            if (n == null) {
                clear();
            } else {
                refresh();
            }
        });
        style(Theme.LIGHT);
        clear();
    }

    /** Nothing trained: the placeholder, no histogram, no notes. */
    private void clear() {
        layer.getItems().clear();
        layer.setVisible(false);
        filters.getChildren().setAll(Gallery.placeholder("Train the model: its first layer's filters appear here."));
        filterNote.setText("");
        sparsity.setText("");
        ((XYPlot) chart.getPlot()).setDataset(new HistogramDataset());
    }

    /** The line over the filters, e.g. "encoder[0].weight: 100 of 512 units ..." (tests read it). */
    public String filterNote() {
        return filterNote.getText();
    }

    /** Filter images shown (tests read this). */
    public int filterCount() {
        return (int) filters.getChildren().stream().filter(n -> n instanceof VBox).count();
    }

    @Override
    public void setTheme(Theme theme) {
        style(theme);
    }

    private void style(Theme theme) {
        ChartStyle.apply(chart, theme);
    }

    /** What the background task hands back: the filters as a weight matrix (inputs x units). */
    private record Result(Parameter weight, float[] codes, int n, int k) {
    }

    /** Chooses which layer's filters to show (tests call this as the combo box does). */
    public void showLayer(int oneBased) {
        layer.setValue(oneBased);
    }

    private final RefreshWhenShown gate = new RefreshWhenShown(this::refresh);

    @Override
    public void setShowing(boolean on) {
        gate.setShowing(on);
    }

    private void refresh() {
        if (gate.deferIfHidden()) {
            return;
        }
        TrainedModel trained = wb.training().model();
        if (trained == null) {
            return;
        }
        ModelSnapshot frozen = trained.weights();
        PreparedData data = trained.data();
        if (running) {
            again = true;
            return;
        }
        running = true;
        var ts = frozen.spec().training();
        Dataset val = data.split(ts.validationFraction(), ts.seed()).validation();
        // So few held out (the five customers keep one) that the histogram would say nothing: all samples.
        Dataset sample = val.samples() >= FEW ? val : data.all();
        String title = sample == val ? "Code activations on validation samples" : "Code activations on all samples";
        int n = Math.min(sample.samples(), 1000);
        int chosen = chooseLayers(frozen);
        Background.run("weights", () -> model.with(frozen, m -> {
            float[] x = java.util.Arrays.copyOf(sample.values(), n * sample.features());
            return new Result(filters(m, chosen), m.encode(wb.inference(), x, n), n, m.codeSize());
        }), r -> {
            running = false;
            if (wb.training().model() == trained) {
                chart.setTitle(title);
                show(r, data.all().sampleShape(), SampleValues.featureNames(data.all()));
            } else if (wb.training().model() != null) {
                again = true; // a newer model arrived meanwhile
            }
            if (again) {
                again = false;
                refresh();
            }
        }, msg -> {
            running = false;
            filterNote.setText("Could not read the weights: " + msg);
        });
    }

    /**
     * Offers the dense encoder layers whose filters can be drawn (those that follow one another from
     * the input), keeping the user's choice; returns the chosen one, 0-based.
     */
    private int chooseLayers(ModelSnapshot frozen) {
        int count = 0;
        while (count < frozen.spec().encoder().size() && frozen.spec().encoder().get(count) instanceof DenseSpec) {
            count++;
        }
        boolean rbm = frozen.spec().has(RbmPretrainingSpec.class);
        List<Integer> options = new java.util.ArrayList<>();
        for (int i = 1; i <= Math.max(1, count); i++) {
            options.add(i);
        }
        if (!options.equals(layer.getItems())) {
            Integer keep = layer.getValue();
            layer.getItems().setAll(options);
            layer.setValue(keep != null && keep <= options.size() ? keep : 1);
        }
        layer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : (rbm ? "RBM " : "layer ") + i + (i == 1 ? "" : ", through the layers below");
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        layer.setVisible(count > 1);
        return layer.getValue() == null ? 0 : layer.getValue() - 1;
    }

    /**
     * The filters of encoder layer {@code chosen}: the first layer's weight (inputs x units for dense,
     * kernel x kernel x channels x filters for conv), or for a deeper dense layer the product of the
     * dense weights up to it, as a copy.
     */
    private Parameter filters(Autoencoder m, int chosen) {
        List<Parameter> dense = new java.util.ArrayList<>();
        for (Layer l : m.encoderLayers()) {
            if (l instanceof DenseLayer d) {
                dense.add(d.weight());
            }
        }
        if (chosen > 0 && chosen < dense.size()) {
            Parameter w = dense.get(chosen);
            float[] f = LayerFilters.inInputSpace(wb.inference().gemm(), dense, chosen);
            return new Parameter(w.name() + " through the layers below", dense.get(0).rows(), w.cols(), f, new float[0]);
        }
        for (Parameter p : m.parameters()) {
            if (p.name().endsWith(".weight")) {
                return new Parameter(p.name(), p.rows(), p.cols(), p.value().clone(), new float[0]);
            }
        }
        return null;
    }

    /**
     * The shape one filter is drawn with: the input's own shape for a dense layer, the kernel
     * (k x k x channels, weights stored HWIO) for a convolution, else null.
     */
    static Shape filterShape(Parameter w, Shape input) {
        if (w.rows() == input.size()) {
            return input;
        }
        int c = input.channels();
        int k = (int) Math.round(Math.sqrt((double) w.rows() / c));
        return k * k * c == w.rows() ? Shape.image(k, k, c) : null;
    }

    /** A few units on a table's rows: the weight from each named input (row) to each unit (column), as numbers. */
    private void listWeights(Parameter w, List<String> names) {
        int units = w.cols();
        List<SampleValues.Column> columns = new ArrayList<>();
        for (int j = 0; j < units; j++) {
            float[] col = new float[w.rows()];
            for (int i = 0; i < w.rows(); i++) {
                col[i] = w.value()[i * units + j];
            }
            columns.add(new SampleValues.Column("unit " + (j + 1), col));
        }
        filters.getChildren().add(SampleValues.listing(names, columns));
        filterNote.setText(String.format(Locale.ROOT, "%s: the weight from each input (row) to each of the %d units"
                + " (column); negative weights in red.", w.name(), units));
    }

    private void show(Result r, Shape inputShape, List<String> names) {
        filters.getChildren().clear();
        Parameter w = r.weight();
        Shape filterShape = w == null ? null : filterShape(w, inputShape);
        if (filterShape == null) {
            filterNote.setText("The first layer has no weights that can be drawn as images.");
        } else if (SampleImages.isTabular(filterShape) && w.cols() <= LISTED_UNITS) {
            listWeights(w, names);
        } else {
            int scale = SampleImages.isTabular(filterShape) ? SCALE
                    : Math.max(SCALE, 48 / Math.max(filterShape.height(), filterShape.width()));
            int units = w.cols();
            int shown = Math.min(units, MAX_FILTERS);
            float[] filter = new float[w.rows()];
            for (int j = 0; j < shown; j++) {
                float max = 0;
                for (int i = 0; i < w.rows(); i++) {
                    filter[i] = w.value()[i * units + j];
                    max = Math.max(max, Math.abs(filter[i]));
                }
                filters.getChildren().add(Gallery.cell(SampleImages.of(filter, 0, filterShape, -max, max, scale), null));
            }
            boolean dense = filterShape.equals(inputShape);
            String look = SampleImages.isTabular(filterShape) ? "a bar per input, up for positive, down in orange for negative"
                    : "grey 0, white positive, black negative";
            filterNote.setText(String.format(Locale.ROOT, dense
                    ? "%s: %d of %d units, each the weights from every input to one unit (%s)."
                    : "%s: %d of %d filters, each a kernel (%s).", w.name(), shown, units, look));
        }
        double[] values = new double[r.n() * r.k()];
        int zeros = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = r.codes()[i];
            if (values[i] == 0) {
                zeros++;
            }
        }
        chart.setNotify(false);
        try {
            var fresh = new HistogramDataset();
            fresh.addSeries("activations", values, BINS);
            ((XYPlot) chart.getPlot()).setDataset(fresh);
        } finally {
            chart.setNotify(true);
        }
        sparsity.setText(String.format(Locale.ROOT, "%,d activations (%d %s x %d code units); %.1f%% exactly zero."
                + " A sparse code piles up at zero; a VAE's means spread around it.", values.length, r.n(),
                r.n() == 1 ? "sample" : "samples", r.k(),
                100.0 * zeros / Math.max(1, values.length)));
    }
}
