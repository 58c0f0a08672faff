package org.aeworkbench.ui.reconstructions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.common.RefreshWhenShown;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.common.SampleValues;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * The Reconstructions tab: held-out inputs over the autoencoder's reconstructions and PCA's at the
 * same k, each with its error, in random order or worst first; for a denoising model, clean,
 * corrupted and denoised rows with a noise-level slider; and a sortable table of every scored
 * sample's error.
 */
public final class ReconstructionsView extends VBox implements TabView {

    /** The error table's height while the gallery above it takes what it needs: its header and four rows. */
    private static final double TABLE_KEPT = 200;

    /** Samples shown at most; fewer when the pane is narrower than they need. */
    private static final int COLUMNS = 12;
    /** Width of a gallery cell (28 x 28 at twice the size) and the gap after it. */
    private static final double CELL = 56 + 6;
    /** Room for the row titles ("autoencoder") before the first column. */
    private static final double TITLES = 100;
    private static final int SCALE = 2;

    /** One row of the error table: the sample's place in the scored set, its label, its split and its errors. */
    public record Row(int sample, String label, String split, double aeError, double pcaError) {
    }

    private final WorkbenchModel wb;
    private final ComboBox<String> order = new ComboBox<>(FXCollections.observableArrayList("Worst first", "Best first", "Random"));
    private final Slider noise = new Slider(0, 1, 0.3);
    private final Label noiseLabel = new Label();
    private final HBox noiseBox;
    private final GridPane grid = new GridPane();
    /** For a table's rows: one card of values per sample, in place of the picture grid. */
    private final FlowPane cards = new FlowPane(12, 12);
    private final ScrollPane gridScroll;
    private final TableView<Row> table = new TableView<>();
    private final Label summary = new Label();
    private ReconstructionSet shown;
    /** The model {@link #shown} was computed with. */
    private TrainedModel shownModel;
    private final ModelCache model = new ModelCache();
    private boolean running;
    private boolean again;

    public ReconstructionsView(WorkbenchModel wb) {
        this.wb = wb;
        getStyleClass().add("view");
        setId("reconstructions-view");
        order.setValue("Worst first");
        order.setId("reconstruction-order");
        order.valueProperty().addListener((obs, o, n) -> layoutGrid());
        noise.setId("noise-slider");
        noise.setPrefWidth(200);
        noise.setMajorTickUnit(0.25);
        noise.setShowTickMarks(true);
        noise.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                refresh();
            }
        });
        noise.valueProperty().addListener((obs, o, n) -> {
            noiseLabel.setText(String.format(Locale.ROOT, "%.2f", n.doubleValue()));
            if (!noise.isValueChanging()) {
                refresh();
            }
        });
        Label noiseTitle = new Label("Noise level");
        noiseBox = new HBox(6, noiseTitle, noise, noiseLabel);
        noiseBox.setAlignment(Pos.CENTER_LEFT);
        Label orderTitle = new Label("Order");
        orderTitle.setMinWidth(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("metrics");
        summary.setId("reconstruction-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, orderTitle, order, noiseBox, gap);
        bar.getStyleClass().add("view-toolbar");

        grid.setHgap(6);
        grid.setVgap(4);
        grid.setId("reconstruction-grid");
        cards.setId("reconstruction-cards");
        gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        // No preferred viewport height: the skin then asks for the rows' preferred height. Bound to
        // their laid-out height, which changes within a layout pass, the gallery kept an older one.
        gridScroll.setMinViewportHeight(120);
        gridScroll.viewportBoundsProperty().addListener((obs, was, now) -> {
            if (shown != null && Math.abs(was.getWidth() - now.getWidth()) >= 1 && gridScroll.getContent() == grid) {
                layoutGrid();
            }
        });

        table.setId("error-table");
        table.getColumns().add(column("sample", r -> r.sample()));
        table.getColumns().add(column("label", r -> r.label()));
        table.getColumns().add(column("split", r -> r.split()));
        TableColumn<Row, Double> aeCol = column("autoencoder", r -> r.aeError());
        table.getColumns().add(aeCol);
        table.getColumns().add(column("PCA, same k", r -> r.pcaError()));
        aeCol.setSortType(TableColumn.SortType.DESCENDING);
        // Each column at least as wide as its title and the sort arrow, so no title is cut.
        double[] least = {64, 90, 90, 112, 108};
        for (int i = 0; i < least.length; i++) {
            table.getColumns().get(i).setMinWidth(least[i]);
        }
        table.getSortOrder().add(aeCol);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Gallery.placeholder("Train the model to see each sample's reconstruction error."));
        VBox.setVgrow(table, Priority.ALWAYS);
        // The table keeps room for its header and four rows, and takes what the gallery leaves: a
        // VBox short of room shrinks every child alike, and with the table's own 400 px asked
        // for, the gallery of images lost its last row. Cards taller than the room left scroll.
        table.setMinHeight(TABLE_KEPT);
        table.setPrefHeight(TABLE_KEPT);

        getChildren().addAll(bar, summary, gridScroll, table);

        TrainingSession t = wb.training();
        t.modelProperty().addListener((obs, o, n) -> {
            if (n == null) {
                clear();
            } else {
                refresh();
            }
        });
        wb.pca().fittedProperty().addListener((obs, o, n) -> refresh());
        wb.design().stateProperty().addListener((obs, o, n) -> updateNoiseControls());
        sceneProperty().addListener((obs, o, n) -> refresh());
        visibleProperty().addListener((obs, o, n) -> refresh());
        updateNoiseControls();
        clear();
    }

    /** Nothing trained: the placeholder, an empty table and no summary. */
    private void clear() {
        shown = null;
        shownModel = null;
        grid.getChildren().setAll(Gallery.placeholder("Train the model: inputs and their reconstructions appear here."));
        gridScroll.setContent(grid);
        table.getItems().clear();
        summary.setText("");
    }

    /** The summary line over the grid (tests read it). */
    public String summary() {
        return summary.getText();
    }

    /** The labels the error table lists, in its order (tests read them). */
    public List<String> tableLabels() {
        return table.getItems().stream().map(Row::label).toList();
    }

    /** The cards of values shown for a table's rows, or none for pictures (tests read them). */
    public List<javafx.scene.Node> valueCards() {
        return gridScroll.getContent() == cards ? List.copyOf(cards.getChildren()) : List.of();
    }

    /** Cells in the grid (tests read this). */
    public int imageCount() {
        return (int) grid.getChildren().stream().filter(n -> n instanceof VBox).count();
    }

    private static <T> TableColumn<Row, T> column(String title, java.util.function.Function<Row, T> value) {
        TableColumn<Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof Double d ? Formats.loss(d) : item.toString());
            }
        });
        return c;
    }

    private void updateNoiseControls() {
        NoiseSpec n = wb.design().spec().variant(NoiseSpec.class);
        noiseBox.setVisible(n != null);
        noiseBox.setManaged(n != null);
        if (n != null && shown == null) {
            noise.setMax(n.kind() == NoiseSpec.Kind.GAUSSIAN ? Math.max(1.0, 2 * n.level()) : 1.0);
            noise.setValue(n.level());
        }
    }

    private final RefreshWhenShown gate = new RefreshWhenShown(this::refresh);

    @Override
    public void setShowing(boolean on) {
        gate.setShowing(on);
    }

    /** Recomputes in the background for the newest weights; a request during a run is queued once. */
    private void refresh() {
        if (gate.deferIfHidden()) {
            return;
        }
        TrainedModel trained = wb.training().model();
        if (trained == null || getScene() == null) {
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
        PreparedData.TrainSplit split = data.split(ts.validationFraction(), ts.seed());
        PcaModel.Fitted fit = wb.pca().fitted();
        Pca pca = fit != null && fit.data() == data ? fit.pca() : null;
        NoiseSpec spec = frozen.spec().variant(NoiseSpec.class);
        NoiseSpec shownNoise = spec == null ? null : new NoiseSpec(spec.kind(), noise.getValue(), spec.clip());
        Background.run("reconstructions", () -> model.with(frozen, m -> ReconstructionSet.compute(m, pca, split.validation(),
                split.train(), shownNoise, ts.seed(), wb.inference())), r -> {
                    running = false;
                    if (wb.training().model() == trained) {
                        shown = r;
                        shownModel = trained;
                        show(frozen.codeSize());
                    } else if (wb.training().model() != null) {
                        again = true; // a newer model arrived meanwhile
                    }
                    if (again) {
                        again = false;
                        refresh();
                    }
                }, msg -> {
                    running = false;
                    summary.setText("Could not reconstruct: " + msg);
                });
    }

    private void show(int k) {
        ReconstructionSet r = shown;
        Dataset s = r.samples();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < s.samples(); i++) {
            rows.add(new Row(i, labelOf(s, i), r.validation(i) ? "validation" : "train", r.aeError()[i],
                    r.pcaError() == null ? Double.NaN : r.pcaError()[i]));
        }
        table.getItems().setAll(rows);
        table.sort();
        int n = s.samples();
        int held = r.heldOut();
        String pcaPart = r.pcaError() == null ? "" : "   PCA (k = " + k + ") " + Formats.loss(ReconstructionSet.mean(r.pcaError(), 0, held));
        String noisePart = r.denoisedError() == null ? ""
                : "   denoised " + Formats.loss(ReconstructionSet.mean(r.denoisedError(), 0, held));
        String text = String.format(Locale.ROOT, "Squared error per sample, mean over %,d validation %s:   autoencoder %s%s%s",
                held, held == 1 ? "sample" : "samples", Formats.loss(ReconstructionSet.mean(r.aeError(), 0, held)), pcaPart, noisePart);
        if (held < n) {
            text += String.format(Locale.ROOT, ".   So few are held out that the %,d training samples are shown too (marked train;"
                    + " autoencoder %s on them).", n - held, Formats.loss(ReconstructionSet.mean(r.aeError(), held, n)));
        }
        summary.setText(text);
        layoutGrid();
    }

    private void layoutGrid() {
        ReconstructionSet r = shown;
        if (r == null) {
            return;
        }
        Dataset s = r.samples();
        Integer[] idx = new Integer[s.samples()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byError = Comparator.comparingDouble(i -> r.aeError()[i]);
        switch (order.getValue()) {
            case "Worst first" -> java.util.Arrays.sort(idx, byError.reversed());
            case "Best first" -> java.util.Arrays.sort(idx, byError);
            default -> { }
        }
        float[] range = shownModel.data().valueRange();
        if (SampleImages.isTabular(s.sampleShape())) {
            layoutCards(r, idx, range);
            return;
        }
        gridScroll.setContent(grid);
        grid.getChildren().clear();
        int row = 0;
        row = addRow(row, "input", s.values(), null, idx, s, range);
        if (r.corrupted() != null) {
            row = addRow(row, "corrupted", r.corrupted(), null, idx, s, range);
            row = addRow(row, "denoised", r.denoised(), r.denoisedError(), idx, s, range);
        }
        row = addRow(row, "autoencoder", r.ae(), r.aeError(), idx, s, range);
        if (r.pca() != null) {
            addRow(row, "PCA", r.pca(), r.pcaError(), idx, s, range);
        }
    }

    /** A table's rows: a card per sample with its values, the reconstructions and the error per feature. */
    private void layoutCards(ReconstructionSet r, Integer[] idx, float[] range) {
        Dataset s = r.samples();
        int d = s.features();
        List<String> names = SampleValues.featureNames(shownModel.data().all());
        cards.getChildren().clear();
        for (int c = 0; c < Math.min(COLUMNS, idx.length); c++) {
            int i = idx[c];
            List<SampleValues.Column> columns = new ArrayList<>();
            columns.add(new SampleValues.Column("input", row(s.values(), i, d)));
            if (r.corrupted() != null) {
                columns.add(new SampleValues.Column("denoised", row(r.denoised(), i, d)));
                columns.add(new SampleValues.Column("corrupted", row(r.corrupted(), i, d)));
            }
            columns.add(new SampleValues.Column("autoencoder", row(r.ae(), i, d)));
            if (r.pca() != null) {
                columns.add(new SampleValues.Column("PCA", row(r.pca(), i, d)));
            }
            Label title = new Label(labelOf(s, i) + (r.validation(i) ? "  (validation)" : "  (train)"));
            title.getStyleClass().add("card-title");
            VBox card = new VBox(4, title, SampleValues.table(names, columns, range[0], range[1]));
            card.getStyleClass().add("value-card");
            cards.getChildren().add(card);
        }
        gridScroll.setContent(cards);
    }

    /** Picture columns that fit the pane's width without a horizontal scroll bar, at least one. */
    private int columnsThatFit() {
        double width = gridScroll.getViewportBounds().getWidth();
        return width <= 0 ? COLUMNS : (int) Math.max(1, Math.min(COLUMNS, Math.floor((width - TITLES) / CELL)));
    }

    private static float[] row(float[] values, int i, int d) {
        return java.util.Arrays.copyOfRange(values, i * d, (i + 1) * d);
    }

    private int addRow(int row, String title, float[] values, double[] errors, Integer[] idx, Dataset s, float[] range) {
        grid.add(Gallery.rowTitle(title), 0, row);
        for (int c = 0; c < Math.min(columnsThatFit(), idx.length); c++) {
            int i = idx[c];
            String caption = errors == null ? labelOf(s, i) : Formats.loss(errors[i]);
            grid.add(Gallery.cell(SampleImages.of(values, i, s.sampleShape(), range[0], range[1], SCALE), caption), c + 1, row);
        }
        return row + 1;
    }

    private static String labelOf(Dataset s, int i) {
        if (!s.hasLabels()) {
            return "#" + i;
        }
        int l = s.labels()[i];
        return l < s.classNames().size() ? s.classNames().get(l) : Integer.toString(l);
    }
}
