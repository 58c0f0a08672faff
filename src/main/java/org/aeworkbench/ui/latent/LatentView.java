package org.aeworkbench.ui.latent;

import org.aeworkbench.engine.model.CodeDistribution;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.analysis.SampledComparison;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.ExportMenu;
import org.aeworkbench.ui.common.FxFrames;
import org.aeworkbench.ui.common.LatestOnly;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.common.SteadyLabel;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparationKey;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.plot.ScatterPlot;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.run.TrainingUpdate;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The Latent space tab: the autoencoder's codes (left) beside PCA of the same samples (right),
 * Procrustes-aligned to the codes (before any run, PCA of the samples the next run will follow,
 * on its own axes), both coloured by label, updating live while training; the
 * figures under each; a slider that replays the codes epoch by epoch; hovering shows a sample,
 * clicking shows it with its reconstructions.
 */
public final class LatentView extends HBox implements TabView {

    private final WorkbenchModel wb;
    private final ScatterPlot ae = new ScatterPlot("Autoencoder codes");
    private final ScatterPlot pca = new ScatterPlot(PCA_ALIGNED);
    private final SteadyLabel aeMetricsRoom = metricsLabel("ae-metrics", LatentMetrics.LONGEST_LINE);
    private final SteadyLabel pcaMetricsRoom = metricsLabel("pca-metrics", LatentMetrics.LONGEST_LINE);
    private final SteadyLabel basisRoom = metricsLabel("metrics-basis", LatentMetrics.LONGEST_NOTE);
    private final Label aeMetrics = aeMetricsRoom.label();
    private final Label pcaMetrics = pcaMetricsRoom.label();
    private final Label basis = basisRoom.label();
    /**
     * How far PCA's plane stays from the codes after alignment; beside the plot, not on it, so a
     * live update redraws only the points. Its room fits the widest figure {@code %.3g} writes
     * ("0.000123", "1.23e+03"): with room for "8.88", "0.123" wrapped after a run and the plots shrank.
     */
    private final SteadyLabel procrustesRoom = metricsLabel("procrustes-distance", "Procrustes RMS distance to the codes 0.000888");
    private final Label procrustes = procrustesRoom.label();
    private final ComboBox<LatentFrames.Projection> projection = new ComboBox<>();
    private final Slider replay = new Slider(0, 0, 0);
    private final Label replayLabel = new Label("live");
    private final SamplePanel selected;
    private final VBox centre;
    private ProbeFrame shown;
    private LatentFrames.Points current;
    private boolean metricsDue = true;
    private boolean showing;
    private boolean redrawDue;
    /** Frames arrived while the tab was hidden: the replay slider takes them when it shows. */
    private boolean replayDue;
    /** Set while the projection's options change with the code's width, so its listener does not draw. */
    private boolean choosingProjection;
    private float[] plane;
    private Pca planePca;
    private ProbeSet planeProbe;
    private int planeProjections;
    private final PcaModel pcaModel;
    private final ModelCache metricsModel = new ModelCache();
    private final Compute inference;
    /** The lineage of the model whose sample is selected, so a replaced model drops the selection. */
    private int selectedLineage = -1;
    /** Places the codes of live frames for every window's view, one frame at a time. */
    private static final java.util.concurrent.ExecutorService POINTS = LatestOnly.thread("latent-points");
    /** The draws: work put off to that thread or a later FX task is dropped once a newer draw is asked for. */
    private final LatestOnly draws = new LatestOnly(POINTS);
    /** Every sample's codes (up to {@link #WHOLE_MAX}), shown once training pauses or ends; null while it runs. */
    private Whole whole;
    /** The samples the points are drawn for: the live probe, or the whole data set. */
    private ProbeSet drawn;
    /** The data set {@link #drawn} comes from (before a first run, the data the next run trains on). */
    private PreparedData drawnData;
    /** The samples the next run will follow, while no run's codes are shown; reused while data and split stay. */
    private ProbeSet nextProbe;
    /** The split {@link #nextProbe} was chosen from (one object per data set, fraction and seed). */
    private PreparedData.TrainSplit nextProbeSplit;
    /** Whether the PCA plot shows {@link #nextProbe} on PCA's own axes (no codes yet to align it to). */
    private boolean previewShown;
    private final ModelCache wholeModel = new ModelCache();

    /** Samples drawn once training pauses or ends: every sample of a data set of this size or less. */
    static final int WHOLE_MAX = 60_000;

    /** The codes of every sample (up to {@link #WHOLE_MAX}) under one model. */
    private record Whole(TrainedModel model, WholeSamples samples, ProbeFrame frame) {
    }

    /**
     * Every sample (up to {@link #WHOLE_MAX}) of one data set and their PCA plane: the same for
     * every model trained on it, so projected once per data set and PCA fit, not at each run's end
     * (all 60,000 samples of Fashion-MNIST).
     */
    private record WholeSamples(PreparedData data, Pca pca, ProbeSet probe, float[] plane) {
    }
    private WholeSamples wholeSamples;
    private final ReadOnlyIntegerWrapper selectedSample = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<SampledComparison> scores = new ReadOnlyObjectWrapper<>();

    public LatentView(WorkbenchModel wb) {
        this.wb = wb;
        this.pcaModel = wb.pca();
        this.inference = wb.inference();
        getStyleClass().add("view");
        setId("latent-view");
        selected = new SamplePanel(wb);

        projection.setId("code-projection");
        projection.setTooltip(new Tooltip("How codes wider than 2 are drawn: PCA of the codes, or two chosen units"));
        projection.valueProperty().addListener((obs, old, now) -> {
            if (!choosingProjection) {
                redraw();
            }
        });
        replay.setId("replay-slider");
        replay.setMajorTickUnit(1);
        replay.setMinorTickCount(0);
        replay.setSnapToTicks(true);
        replay.setPrefWidth(260);
        replay.setTooltip(new Tooltip("Replay how the codes moved, epoch by epoch"));
        replay.valueProperty().addListener((obs, old, now) -> showReplay());
        replayLabel.setId("replay-label");
        replayLabel.setMinWidth(110);

        Label replayTitle = new Label("Epoch");
        Label codesTitle = new Label("Codes");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {replayTitle, codesTitle, replayLabel, projection}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        var export = ExportMenu.forCharts("Export", Map.of("latent-autoencoder", ae::forExport, "latent-pca", pca::forExport));
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, codesTitle, projection, replayTitle, replay, replayLabel, gap, export);
        bar.getStyleClass().add("view-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);

        // The plots share their rows: both are as tall, and the rows of text under them keep their
        // room (SteadyLabel) when the scores arrive or the Procrustes line appears.
        javafx.scene.layout.GridPane plots = new javafx.scene.layout.GridPane();
        plots.setHgap(8);
        plots.setVgap(4);
        plots.add(ae, 0, 0);
        plots.add(pca, 1, 0);
        plots.add(procrustesRoom, 1, 1);
        plots.add(aeMetricsRoom, 0, 2);
        plots.add(pcaMetricsRoom, 1, 2);
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            plots.getColumnConstraints().add(half);
        }
        javafx.scene.layout.RowConstraints charts = new javafx.scene.layout.RowConstraints();
        charts.setVgrow(Priority.ALWAYS);
        plots.getRowConstraints().add(charts);
        for (int r = 1; r < 3; r++) {
            javafx.scene.layout.RowConstraints text = new javafx.scene.layout.RowConstraints();
            text.setValignment(javafx.geometry.VPos.TOP);
            plots.getRowConstraints().add(text);
        }
        ae.setPrefSize(100, 100); // the grid shares the room out; the charts ask for none of their own
        pca.setPrefSize(100, 100);
        centre = new VBox(8, bar, plots, basisRoom);
        VBox.setVgrow(plots, Priority.ALWAYS);
        HBox.setHgrow(centre, Priority.ALWAYS);
        getChildren().addAll(centre, selected);
        setSpacing(10);

        for (ScatterPlot p : List.of(ae, pca)) {
            p.setHoverCard(this::hoverCard);
            p.setOnPointClicked(this::select);
        }
        ae.setId("latent-ae");
        pca.setId("latent-pca");

        TrainingSession t = wb.training();
        t.addListener(this::apply);
        t.stateProperty().addListener((obs, old, now) -> {
            // While a run holds the cores the points are splatted in the background; at rest on
            // the FX thread, so what a click or a test finds is drawn when the update is.
            ae.setDrawsInBackground(now == TrainingSession.State.RUNNING);
            pca.setDrawsInBackground(now == TrainingSession.State.RUNNING);
            if (now == TrainingSession.State.IDLE || now == TrainingSession.State.PAUSED) {
                metricsDue = true;
                // Each in an FX task of its own, after the frame that shows the change: each starts
                // a background task (at a JVM's first run's end, loading its classes), so the change
                // to idle stays one short task and its frame does not share the cores with them.
                FxFrames.afterNextPulse(this::computeMetrics);
                FxFrames.afterNextPulse(this::encodeWhole);
            } else if (whole != null) {
                whole = null; // live again: the probe follows the run
                redraw();
            }
        });
        t.modelProperty().addListener((obs, old, now) -> {
            metricsDue = true;
            if (now == null || now.lineage() != selectedLineage) {
                clearSelection();
            }
            scores.set(null);
            if (now == null) {
                aeMetrics.setText("");
                pcaMetrics.setText("");
                basis.setText("");
            } else if (t.state() == TrainingSession.State.IDLE) {
                computeMetrics();
                encodeWhole();
            }
        });
        // Before a run, the PCA plot shows the data the next run trains on, split as the design says,
        // and the code views its code will offer.
        wb.data().currentProperty().addListener((obs, old, now) -> redrawBeforeARun());
        wb.design().stateProperty().addListener((obs, old, now) -> redrawBeforeARun());
        pcaModel.fittedProperty().addListener((obs, old, now) -> {
            if (wholeSamples != null && wholeSamples.pca() != (now == null ? null : now.pca())) {
                wholeSamples = null; // another data set or fit (and the old data set not kept alive)
            }
            if (whole != null && whole.samples().pca() != (now == null ? null : now.pca())) {
                whole = null; // its PCA plane is computed again with the codes, off the FX thread
                encodeWhole();
            }
            redraw();
            computeMetrics();
        });
        showEmpty();
    }

    /** Points in the autoencoder scatter (tests read this). */
    public int aePoints() {
        return ae.pointCount();
    }

    public int pcaPoints() {
        return pca.pointCount();
    }

    /** How often the samples followed live were projected onto PCA's plane (tests read it). */
    public int planeProjections() {
        return planeProjections;
    }

    /** Every sample's PCA plane shown once a run has ended, or null (tests read it). */
    public float[] wholePlane() {
        return whole == null ? null : whole.samples().plane();
    }

    public ScatterPlot autoencoderPlot() {
        return ae;
    }

    /** The clicked sample's index in the data set, or -1 when none is (lessons watch it). */
    public ReadOnlyIntegerProperty selectedSampleProperty() {
        return selectedSample.getReadOnlyProperty();
    }

    /** The scores under the plots for the model shown, or null until they are computed. */
    public ReadOnlyObjectProperty<SampledComparison> scoresProperty() {
        return scores.getReadOnlyProperty();
    }

    /**
     * Clicks the first drawn point of class {@code label}, as the user would (a lesson's Show me).
     *
     * @return false when no point of that class is drawn
     */
    public boolean selectFirstOfClass(int label) {
        ProbeSet probe = drawn;
        if (probe == null || current == null || probe.labels() == null) {
            return false;
        }
        for (int i = 0; i < probe.size(); i++) {
            if (probe.labels()[i] == label) {
                select(i);
                return true;
            }
        }
        return false;
    }

    /** The title of the sample card beside the plots (tests read it). */
    public String selectedTitle() {
        return selected.title();
    }

    @Override
    public void setTheme(Theme theme) {
        ae.style(theme);
        pca.style(theme);
    }

    private void apply(TrainingUpdate u) {
        if (u.reset()) {
            shown = null;
            current = null;
            whole = null;
            showEmpty();
            clearSelection();
            redraw();
        }
        if (!showing) {
            // A hidden tab's slider, labels and choices would still be laid out at each epoch's end.
            replayDue = true;
            return;
        }
        followReplay(u.probe());
    }

    /** The replay slider takes every frame so far; while it is at its end, the newest is shown. */
    private void followReplay(ProbeFrame newest) {
        List<ProbeFrame> frames = wb.training().replay();
        boolean live = replay.getValue() >= replay.getMax();
        replay.setMax(frames.size());
        if (live) {
            replay.setValue(frames.size());
        }
        if (newest != null && live) {
            show(newest);
        }
    }

    private void showReplay() {
        List<ProbeFrame> frames = wb.training().replay();
        int i = (int) Math.round(replay.getValue());
        if (frames.isEmpty()) {
            replayLabel.setText("live");
            return;
        }
        if (i >= frames.size()) {
            replayLabel.setText("live");
            show(frames.get(frames.size() - 1));
        } else {
            replayLabel.setText(String.format(java.util.Locale.ROOT, "after epoch %d of %d", Math.round(frames.get(i).x()),
                    Math.round(frames.get(frames.size() - 1).x())));
            show(frames.get(i));
        }
    }

    private void show(ProbeFrame frame) {
        if (frame == shown) {
            return; // an update moves the replay slider to the frame it then shows: draw it once
        }
        shown = frame;
        updateProjections(frame.codeSize());
        redraw();
    }

    private void updateProjections(int codeSize) {
        List<LatentFrames.Projection> options = LatentFrames.projections(codeSize);
        if (!options.equals(projection.getItems())) {
            // The frame that asks for new options is drawn right after: not twice.
            choosingProjection = true;
            try {
                projection.getItems().setAll(options);
                projection.setValue(options.get(0));
            } finally {
                choosingProjection = false;
            }
        }
        projection.setDisable(options.size() < 2);
    }

    @Override
    public void setShowing(boolean on) {
        showing = on;
        if (on) {
            if (replayDue) {
                replayDue = false;
                List<ProbeFrame> frames = wb.training().replay();
                followReplay(frames.isEmpty() ? null : frames.get(frames.size() - 1));
            }
            if (redrawDue) {
                redraw();
            }
            computeMetrics();
            encodeWhole();
        }
    }

    /**
     * Encodes every sample (the first {@link #WHOLE_MAX}) in the background when training is not
     * running, so the scatters show the whole data set, not just the validation samples followed
     * live; it costs a run nothing, as it happens only between runs.
     */
    private void encodeWhole() {
        TrainingSession t = wb.training();
        TrainedModel model = t.model();
        PreparedData data = t.trainedOn();
        if (!showing || model == null || data == null || t.state() == TrainingSession.State.RUNNING
                || (whole != null && whole.model() == model)) {
            return;
        }
        int n = Math.min(WHOLE_MAX, data.all().samples());
        PcaModel.Fitted fit = pcaModel.fitted();
        Pca fitted = fit != null && fit.data() == data ? fit.pca() : null;
        WholeSamples known = wholeSamples != null && wholeSamples.data() == data && wholeSamples.pca() == fitted ? wholeSamples : null;
        Background.run("encode every sample", () -> wholeModel.with(model.weights(), m -> {
            WholeSamples samples = known;
            if (samples == null) {
                ProbeSet all = ProbeSet.leading(data.all(), n);
                samples = new WholeSamples(data, fitted, all, fitted == null ? null : LatentFrames.plane(all, fitted));
            }
            float[] codes = m.encode(inference, samples.probe().values(), n);
            return new Whole(model, samples, new ProbeFrame(Double.NaN, true, codes, m.codeSize()));
        }), w -> {
            wholeSamples = w.samples();
            if (t.model() == model && t.state() != TrainingSession.State.RUNNING) {
                whole = w;
                redraw();
            }
        }, msg -> basis.setText("Could not encode every sample: " + msg));
    }

    private void redraw() {
        if (!showing) {
            redrawDue = true;
            return;
        }
        redrawDue = false;
        boolean live = replay.getValue() >= replay.getMax();
        ProbeSet probe = whole != null && live ? whole.samples().probe() : wb.training().probe();
        ProbeFrame frame = whole != null && live ? whole.frame() : shown;
        PreparedData data = wb.training().trainedOn();
        if (frame == null) {
            showNextProbe();
            return;
        }
        if (probe == null || data == null) {
            return;
        }
        if (probe != drawn) {
            clearSelection();
        }
        drawn = probe;
        drawnData = data;
        previewShown = false;
        PcaModel.Fitted fit = pcaModel.fitted();
        Pca fitted = fit != null && fit.data() == data ? fit.pca() : null;
        if (whole != null && probe == whole.samples().probe() && whole.samples().pca() == fitted) {
            plane = whole.samples().plane();
            planePca = fitted;
            planeProbe = probe;
        } else if (fitted != planePca || !sameSamples(probe, planeProbe)) {
            plane = null;
            planePca = fitted;
            planeProbe = probe;
            if (fitted != null) {
                projectPlane(probe, fitted);
            }
        }
        LatentFrames.Projection chosen = projection.getValue();
        float[] onPlane = plane;
        if (wb.training().state() == TrainingSession.State.RUNNING || probe.size() > ScatterPlot.DRAWN_AT_ONCE_MAX) {
            // While training holds the cores, placing the codes (a projection and the Procrustes
            // alignment of 10,000 points, 0.2-11.7 ms) runs on a thread of its own, and each plot
            // draws in an FX task of its own (2.6-23 ms each), so frames get through between them.
            // So does every sample, up to 60,000, as a run ends (six times that work; the stack
            // samples caught it on the FX thread there); fewer at rest are placed and drawn at once,
            // as the replay slider moves.
            // They arrive in FX tasks that may come after the run ended (its last update): drawn
            // in the background all the same.
            draws.run(() -> LatentFrames.points(frame, chosen, probe, onPlane), placed -> {
                ae.drawInBackground(() -> drawAutoencoder(placed, frame, probe, data));
                draws.later(() -> pca.drawInBackground(() -> drawPca(placed, probe, data.all().classNames(), note(probe), fitted)));
            });
        } else {
            draws.next();
            LatentFrames.Points placed = LatentFrames.points(frame, chosen, probe, onPlane);
            drawAutoencoder(placed, frame, probe, data);
            drawPca(placed, probe, data.all().classNames(), note(probe), fitted);
        }
    }

    /**
     * Before any run's codes: PCA of the samples the next run will follow, on PCA's own axes, so
     * the picture the codes are compared with is there from the start. A run on this data and
     * split follows the same samples and aligns this very plane to its codes, projected once.
     * Nothing is drawn while the data is being prepared for another split or PCA is being fitted.
     */
    private void showNextProbe() {
        PreparedData data = wb.data().current();
        PcaModel.Fitted fit = pcaModel.fitted();
        var spec = wb.design().spec();
        // The code views the design's codes will offer, shown but not chosen from until there are codes.
        updateProjections(Math.max(1, wb.design().codeWidth()));
        projection.setDisable(true);
        boolean prepared = data != null && data.fittedFor(PreparationKey.of(spec));
        if (!prepared || fit == null || fit.data() != data) {
            // Nothing of an earlier data set is kept alive for a plot that shows none of it.
            nextProbe = null;
            nextProbeSplit = null;
            drawn = null;
            drawnData = null;
            showNoPca(prepared ? "fitting PCA on the training split\u2026" : PCA_BEFORE_A_RUN);
            return;
        }
        var t = spec.training();
        PreparedData.TrainSplit split = data.split(t.validationFraction(), t.seed());
        if (nextProbe == null || split != nextProbeSplit) {
            nextProbe = ProbeSet.forSplit(data.all(), split, t.seed());
            nextProbeSplit = split;
            previewShown = false;
        }
        ProbeSet probe = nextProbe;
        if (probe != drawn) {
            clearSelection();
        }
        drawn = probe;
        drawnData = data;
        if (fit.pca() != planePca || !sameSamples(probe, planeProbe)) {
            plane = null;
            planePca = fit.pca();
            planeProbe = probe;
            previewShown = false;
            projectPlane(probe, fit.pca());
        }
        if (plane == null) {
            showNoPca("projecting the samples onto PCA's plane\u2026");
        } else if (!previewShown) {
            previewShown = true;
            pca.setTitle(PCA_ALONE);
            pca.setPoints(plane, probe.size(), probe.labels(), data.all().classNames(), "PC 1", "PC 2", note(probe));
        }
    }

    /**
     * Whether two probes are the same samples in the same order, so that under one PCA one's plane
     * is the other's: the same indices into the data set that PCA was fitted on (a drawn probe
     * copies its rows, so its values are never the same array twice).
     */
    private static boolean sameSamples(ProbeSet a, ProbeSet b) {
        return a == b || a != null && b != null && a.features() == b.features()
                && java.util.Arrays.equals(a.indices(), b.indices());
    }

    private void showNoPca(String text) {
        previewShown = false;
        pca.setTitle(PCA_ALONE);
        pca.setPoints(new float[0], 0, null, List.of(), "PC 1", "PC 2", text);
        procrustes.setText("");
    }

    private void redrawBeforeARun() {
        if (shown == null && whole == null) {
            redraw();
        }
    }

    private static String note(ProbeSet probe) {
        return ScatterPlot.count(probe.size(), probe.total(), probe.validation());
    }

    private void drawAutoencoder(LatentFrames.Points placed, ProbeFrame frame, ProbeSet probe, PreparedData data) {
        current = placed;
        ae.setPoints(placed.codes(), probe.size(), probe.labels(), data.all().classNames(), placed.xLabel(),
                placed.yLabel(), note(probe));
        TrainedModel trained = wb.training().model();
        CodeDistribution prior = trained == null ? null : trained.weights().spec().codeDistribution();
        float[] priorPoints = LatentFrames.priorPoints(prior, frame.codeSize(), projection.getValue());
        ae.setBackdrop(priorPoints, priorPoints == null ? 0 : LatentFrames.PRIOR_DRAWS,
                prior == null ? "" : "prior: " + prior.description());
    }

    private void drawPca(LatentFrames.Points points, ProbeSet probe, List<String> names, String note, Pca fitted) {
        if (points.pca() != null) {
            pca.setTitle(PCA_ALIGNED);
            pca.setPoints(points.pca(), probe.size(), probe.labels(), names, "aligned PC 1", "aligned PC 2", note);
            procrustes.setText(Double.isNaN(points.procrustesRms()) ? ""
                    : String.format(java.util.Locale.ROOT, "Procrustes RMS distance to the codes %.3g", points.procrustesRms()));
        } else {
            pca.setPoints(new float[0], 0, null, names, "PC 1", "PC 2", fitted == null
                    ? "fitting PCA on the training split\u2026" : "projecting the samples onto PCA's plane\u2026");
            procrustes.setText("");
        }
    }

    /**
     * Projects the drawn samples onto PCA's plane in the background (10,000 samples of 784 values
     * took the FX thread 60-150 ms), then draws them, unless other samples or another PCA are
     * wanted by then.
     */
    private void projectPlane(ProbeSet probe, Pca fitted) {
        planeProjections++;
        Background.run("project onto PCA's plane", () -> LatentFrames.plane(probe, fitted), p -> {
            if (planeProbe == probe && planePca == fitted) {
                plane = p;
                redraw();
            }
        }, msg -> basis.setText("Could not project the samples onto PCA's plane: " + msg));
    }

    private Node hoverCard(int i) {
        ProbeSet probe = drawn;
        PreparedData data = drawnData;
        return probe == null || data == null ? null : SamplePanel.card(data, probe.indices()[i], 3);
    }

    private void select(int i) {
        ProbeSet probe = drawn;
        TrainedModel m = wb.training().model();
        if (probe != null && current != null) {
            selectedLineage = m == null ? -1 : m.lineage();
            placeSampleCard(SampleImages.isTabular(wb.training().trainedOn().all().sampleShape()));
            selected.show(probe.indices()[i]);
            selectedSample.set(probe.indices()[i]);
            ae.mark(current.codes()[2 * i], current.codes()[2 * i + 1], java.awt.Color.BLACK);
            if (current.pca() != null) {
                pca.mark(current.pca()[2 * i], current.pca()[2 * i + 1], java.awt.Color.BLACK);
            }
        }
    }

    /** Scores the current weights when training is not running, so it costs the run nothing. */
    private void computeMetrics() {
        TrainingSession t = wb.training();
        TrainedModel model = t.model();
        PcaModel.Fitted fit = pcaModel.fitted();
        if (!showing || !metricsDue || model == null || t.state() == TrainingSession.State.RUNNING
                || fit == null || fit.data() != model.data()) {
            return;
        }
        metricsDue = false;
        var spec = model.weights().spec().training();
        aeMetrics.setText("computing\u2026");
        Background.run("latent metrics", () -> metricsModel.with(model.weights(), m -> LatentMetrics.compute(m, fit,
                model.data(), spec.validationFraction(), spec.seed(), inference)), m -> {
                    if (t.model() != model) {
                        return; // another model arrived meanwhile; its own scores follow
                    }
                    aeMetrics.setText("Autoencoder: " + LatentMetrics.line(m.autoencoder(), m.labelled()));
                    scores.set(m);
                    pcaMetrics.setText(m.pca() == null ? "" : "PCA: " + LatentMetrics.line(m.pca(), m.labelled()));
                    basis.setText(LatentMetrics.note(m));
                }, msg -> aeMetrics.setText("Could not score the codes: " + msg));
    }

    /**
     * The sample card beside the plots for a picture, under them for a table's row, whose values
     * need the width more than the height.
     */
    private void placeSampleCard(boolean below) {
        boolean isBelow = selected.getParent() == centre;
        if (below == isBelow) {
            return;
        }
        ((javafx.scene.layout.Pane) selected.getParent()).getChildren().remove(selected);
        if (below) {
            centre.getChildren().add(selected);
        } else {
            getChildren().add(selected);
        }
    }

    private void clearSelection() {
        selectedLineage = -1;
        selectedSample.set(-1);
        selected.clear();
        placeSampleCard(false);
        ae.clearMarks();
        pca.clearMarks();
    }

    /** No codes of any model; the PCA plot keeps the next run's samples when it shows them, and redraw() fills it. */
    private void showEmpty() {
        ae.setPoints(new float[0], 0, null, List.of(), "z1", "z2", "Train the model: its codes appear here live");
        ae.setBackdrop(null, 0, "");
        if (!previewShown) {
            showNoPca(PCA_BEFORE_A_RUN);
        }
        aeMetrics.setText("");
        pcaMetrics.setText("");
        basis.setText("");
        procrustes.setText("");
        replay.setMax(0);
        replay.setValue(0);
    }

    private static final String PCA_ALIGNED = "PCA, Procrustes-aligned";
    private static final String PCA_ALONE = "PCA";
    private static final String PCA_BEFORE_A_RUN = "PCA of the same samples, for comparison";

    private static SteadyLabel metricsLabel(String id, String longest) {
        return new SteadyLabel(longest, id, "metrics");
    }
}
