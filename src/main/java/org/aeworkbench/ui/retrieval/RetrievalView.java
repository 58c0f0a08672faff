package org.aeworkbench.ui.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.analysis.retrieval.RetrievalScores;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.codes.HeldOutCodes;
import org.aeworkbench.ui.codes.PlaneOfCodes;
import org.aeworkbench.ui.codes.SampleCells;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.BesideOrBelow;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.plot.ScatterPlot;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Retrieval tab: "find me samples like this one". Click a held-out sample in the scatter of
 * codes or in the strip under it; its nearest training samples appear in one row per method (by
 * code, by PCA code of the same width, by raw input; for a binary code by Hamming distance beside
 * PCAH and LSH, with the database count at each radius), each row with its precision against the
 * labels; below, precision against recall and mAP over every held-out query.
 */
public final class RetrievalView extends HBox implements TabView {

    private static final int PICKS = 7;
    private static final int SCALE = 2;

    private final WorkbenchModel wb;
    private final RetrievalModel model;
    private final ScatterPlot scatter = new ScatterPlot("Held-out codes: click one to query");
    private final FlowPane picks = new FlowPane(4, 4);
    private final Label status = new Label();
    private final VBox queryBox = new VBox(8);
    private final Label radius = new Label();
    private final Label map = new Label();
    private final ChartViewer pr = new ChartViewer(PrecisionRecallChart.of(List.of(), Theme.LIGHT));
    private final Spinner<Integer> neighbours = new Spinner<>(1, 50, RetrievalModel.DEFAULT_NEIGHBOURS);
    private Theme theme = Theme.LIGHT;
    private boolean showing;

    public RetrievalView(WorkbenchModel wb) {
        this.wb = wb;
        this.model = new RetrievalModel(wb);
        setId("retrieval-view");
        getStyleClass().add("view");
        setSpacing(10);

        neighbours.setId("retrieval-neighbours");
        neighbours.setPrefWidth(80);
        neighbours.setMinWidth(Region.USE_PREF_SIZE); // "10" stays whole when the status beside it is long
        neighbours.setTooltip(new Tooltip("Neighbours shown per method; precision is measured over these"));
        neighbours.valueProperty().addListener((obs, old, now) -> model.setNeighbours(now));
        status.setId("retrieval-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE); // the bar grows for a long status rather than cutting it
        status.textProperty().bind(model.statusProperty());
        Label nTitle = new Label("Neighbours");
        nTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, nTitle, neighbours, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");
        HBox.setHgrow(status, Priority.ALWAYS);

        scatter.setId("retrieval-scatter");
        scatter.setOnPointClicked(model::query);
        scatter.setHoverCard(i -> {
            RetrievalOverview o = model.overviewProperty().get();
            return o == null ? null : SampleCells.cell(o.codes().model().data(), o.codes().heldOutRows()[i],
                    SampleCells.caption(o.codes().model().data().all(), o.codes().heldOutRows()[i]), 3);
        });
        picks.setId("retrieval-picks");
        pr.setId("retrieval-pr");
        pr.setPrefHeight(280);
        pr.setMinHeight(200);
        scatter.setMinHeight(300);
        VBox left = new VBox(6, scatter, pr);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        VBox.setVgrow(pr, Priority.NEVER);
        left.setPrefWidth(420);
        left.setMinWidth(ChartStyle.MIN_WIDTH);

        queryBox.setId("retrieval-query");
        radius.setId("retrieval-radius");
        radius.setWrapText(true);
        map.setId("retrieval-map");
        map.setWrapText(true);
        VBox right = new VBox(8, Gallery.rowTitle("Or pick a held-out sample"), picks, map, queryBox, radius);
        right.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(ChartStyle.MIN_WIDTH); // the neighbours' pictures need a row's width too
        HBox.setHgrow(scroll, Priority.ALWAYS);
        ScrollPane body = new BesideOrBelow(left, scroll, 10).scrolling();
        VBox centre = new VBox(8, bar, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        HBox.setHgrow(centre, Priority.ALWAYS);
        getChildren().add(centre);

        model.overviewProperty().addListener((obs, old, now) -> showOverview(now));
        model.queryProperty().addListener((obs, old, now) -> showQuery(now));
        TrainingSession t = wb.training();
        t.stateProperty().addListener((obs, old, now) -> {
            if (showing && now != TrainingSession.State.RUNNING) {
                model.refresh();
            }
        });
        t.modelProperty().addListener((obs, old, now) -> {
            if (showing && t.state() != TrainingSession.State.RUNNING) {
                model.refresh();
            }
        });
        showOverview(null);
        showQuery(null);
    }

    /** The view's state (tests drive it through its commands). */
    public RetrievalModel model() {
        return model;
    }

    public ScatterPlot scatter() {
        return scatter;
    }

    @Override
    public void setShowing(boolean on) {
        showing = on;
        if (on) {
            model.refresh();
        }
    }

    @Override
    public void setTheme(Theme t) {
        theme = t;
        scatter.style(t);
        RetrievalOverview o = model.overviewProperty().get();
        if (o != null && o.scores() != null) {
            pr.setChart(PrecisionRecallChart.of(o.scores(), t));
        }
    }

    private void showOverview(RetrievalOverview o) {
        picks.getChildren().clear();
        if (o == null) {
            scatter.setPoints(new float[0], 0, null, List.of(), "z1", "z2", "Train a model, then click a sample to query");
            map.setText("");
            pr.setVisible(false);
            return;
        }
        HeldOutCodes c = o.codes();
        PreparedData data = c.model().data();
        Dataset held = c.heldOut();
        String[] axes = PlaneOfCodes.axes(c.codes().width());
        scatter.setPoints(o.plane(), held.samples(), held.labels(), data.all().classNames(), axes[0], axes[1],
                String.format(Locale.ROOT, "%,d held-out samples; their neighbours are looked up among %,d training samples",
                        held.samples(), c.train().samples()));
        for (int i = 0; i < Math.min(PICKS, held.samples()); i++) {
            int q = i;
            Node cell = SampleCells.cell(data, c.heldOutRows()[i], null, SCALE);
            cell.setId("retrieval-pick-" + i);
            cell.getStyleClass().add("clickable");
            cell.setOnMouseClicked(e -> model.query(q));
            picks.getChildren().add(cell);
        }
        if (o.scores() == null) {
            map.setText(o.codes().train().hasLabels() ? "mAP and the precision-recall curve need classes."
                    : "mAP and the precision-recall curve need labels.");
            pr.setVisible(false);
        } else {
            List<String> each = new ArrayList<>();
            for (RetrievalScores s : o.scores()) {
                each.add(String.format(Locale.ROOT, "%s: mAP %.3f, precision@%d %.3f", s.method(), s.meanAveragePrecision(),
                        s.k(), s.precisionAtK()));
            }
            map.setText(String.format(Locale.ROOT, "Over all %,d queries \u2014 %s.", o.scores().get(0).queries(),
                    String.join(";  ", each)));
            JFreeChart chart = PrecisionRecallChart.of(o.scores(), theme);
            pr.setChart(chart);
            pr.setVisible(true);
        }
    }

    private void showQuery(QueryResult r) {
        RetrievalOverview o = model.overviewProperty().get();
        queryBox.getChildren().clear();
        radius.setText("");
        if (r == null || o == null) {
            queryBox.getChildren().add(Gallery.placeholder("Click a held-out sample in the scatter or the strip to see its"
                    + " nearest training samples by code, by PCA code and by raw input."));
            return;
        }
        PreparedData data = o.codes().model().data();
        Dataset all = data.all();
        HBox head = new HBox(10, SampleCells.cell(data, r.row(), "query " + SampleCells.caption(all, r.row()), 3));
        head.setId("retrieval-query-sample");
        queryBox.getChildren().add(head);
        int[] trainRows = o.codes().trainRows();
        for (int m = 0; m < r.rows().size(); m++) {
            QueryResult.Row row = r.rows().get(m);
            String title = String.format(Locale.ROOT, "By %s (%s)%s", title(row),
                    row.hamming() ? "Hamming, " + row.width() + " bits" : "Euclidean, " + row.width() + " values",
                    Double.isNaN(row.precision()) ? "" : String.format(Locale.ROOT, " \u00b7 precision@%d %.2f",
                            row.neighbours().length, row.precision()));
            Label t = Gallery.rowTitle(title);
            // Wrapped, not kept whole on one line: at its full length ("By PCA code (Euclidean, 32
            // values) · precision@10 1.00") it was wider than the column and pushed the neighbours'
            // pictures past its right edge.
            t.setWrapText(true);
            t.setMinWidth(Region.USE_COMPUTED_SIZE);
            t.setId("retrieval-row-" + m);
            FlowPane cells = new FlowPane(4, 4);
            for (int i = 0; i < row.neighbours().length; i++) {
                int dbRow = trainRows[row.neighbours()[i]];
                String cap = row.distances() == null ? SampleCells.className(all, dbRow)
                        : SampleCells.className(all, dbRow) + " \u00b7 d " + row.distances()[i];
                cells.getChildren().add(SampleCells.cell(data, dbRow, cap, SCALE));
            }
            queryBox.getChildren().add(new VBox(3, t, cells));
        }
        if (r.radiusCounts() != null) {
            StringBuilder b = new StringBuilder("Training samples at each Hamming radius from the query's bits: ");
            for (int d = 0; d < r.radiusCounts().length; d++) {
                if (r.radiusCounts()[d] > 0) {
                    b.append(d).append(": ").append(r.radiusCounts()[d]).append("  ");
                }
            }
            radius.setText(b.toString().trim());
        }
    }

    private static String title(QueryResult.Row row) {
        return switch (row.method()) {
            case "autoencoder" -> "code";
            case "PCA" -> "PCA code";
            case "raw" -> "raw input";
            default -> row.method() + " code";
        };
    }
}
