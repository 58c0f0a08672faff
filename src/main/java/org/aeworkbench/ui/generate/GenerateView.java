package org.aeworkbench.ui.generate;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.RefreshWhenShown;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.common.SampleValues;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.plot.ScatterPlot;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The Generate tab: walk the latent space. Pick two samples on the plane (or a random pair) and
 * decode a linear or spherical interpolation between their codes, drawn as a path on the plane;
 * decode any clicked point of the plane; show the manifold grid for 2-D codes; and, for designs
 * with a prior, sample from it. Plain autoencoders are just as telling here: their code spaces
 * have gaps, which the grid and clicks on empty spots show.
 */
public final class GenerateView extends HBox implements TabView {

    private static final int SCALE = 2;
    private static final Color PATH = new Color(0xD55E00);
    private static final int PRIOR_SAMPLES = 32;
    private static final int PRIOR_ROW = 8;

    private final WorkbenchModel wb;
    private final ScatterPlot plane = new ScatterPlot("Latent plane");
    private final ToggleButton pickA = new ToggleButton("Pick A");
    private final ToggleButton pickB = new ToggleButton("Pick B");
    private final Label pairLabel = new Label();
    private final Spinner<Integer> steps = new Spinner<>(3, 30, 10);
    private final ComboBox<String> method = new ComboBox<>();
    private final HBox strip = new HBox(2);
    private final VBox decoded = new VBox(4);
    private final GridPane manifold = new GridPane();
    private final Spinner<Integer> gridSize = new Spinner<>(4, 24, 12);
    private final Button sample = new Button("Sample the prior");
    private final Label priorNote = new Label();
    private final Label manifoldNote = new Label();
    private final ScrollPane gridScroll;
    private final ModelCache model = new ModelCache();
    private final GibbsChainPanel gibbs;
    private final RefreshWhenShown gate = new RefreshWhenShown(this::refreshCodes);
    private final RefreshWhenShown clearing = new RefreshWhenShown(this::clearShown);
    private LatentCodes codes;
    /** The lineage of the model the picks belong to. */
    private int lineage = -1;
    private int a = -1;
    private int b = -1;
    private float[] lastPath;
    private int lastPathSteps;

    public GenerateView(WorkbenchModel wb) {
        this.wb = wb;
        getStyleClass().add("view");
        setId("generate-view");
        setSpacing(12);

        ToggleGroup pick = new ToggleGroup();
        pickA.setToggleGroup(pick);
        pickB.setToggleGroup(pick);
        pickA.setSelected(true);
        Button random = new Button("Random pair");
        random.setId("random-pair");
        random.setOnAction(e -> randomPair());
        pairLabel.setId("pair-label");
        pairLabel.setWrapText(true);
        pairLabel.getStyleClass().add("metrics");
        FlowPane pickBar = bar(pickA, pickB, random);
        plane.setId("generate-plane");
        plane.setOnPointClicked(this::picked);
        plane.setOnPlaneClicked(this::decodeAt);
        plane.setHoverCard(i -> {
            TrainedModel m = wb.training().model();
            if (codes == null || m == null) {
                return null;
            }
            int index = codes.probe().indices()[i];
            PreparedData d = m.data();
            return Gallery.cell(SampleImages.of(d.all().values(), index, d.all().sampleShape(), d.valueRange()[0],
                    d.valueRange()[1], 3), "#" + index);
        });
        decoded.setId("decoded-point");
        VBox left = new VBox(8, pickBar, pairLabel, plane, decoded);
        VBox.setVgrow(plane, Priority.ALWAYS);
        left.setPrefWidth(420);
        left.setMinWidth(0);
        HBox.setHgrow(left, Priority.ALWAYS);

        method.getItems().setAll("Linear", "Spherical");
        method.setValue("Linear");
        method.setId("interpolation-method");
        method.setTooltip(new Tooltip("Spherical interpolation keeps the code's length typical of a Gaussian prior"));
        steps.setId("interpolation-steps");
        Button interpolate = new Button("Interpolate");
        interpolate.setId("interpolate-button");
        interpolate.getStyleClass().add("accent");
        interpolate.setOnAction(e -> interpolate());
        FlowPane interpBar = bar(label("Steps"), steps, method, interpolate);
        strip.setId("interpolation-strip");
        strip.setMinWidth(0);
        strip.setMinHeight(Region.USE_PREF_SIZE);

        gridSize.setId("manifold-size");
        Button grid = new Button("Manifold grid");
        grid.setId("manifold-button");
        grid.setOnAction(e -> manifoldGrid());
        sample.setId("sample-prior");
        sample.setOnAction(e -> samplePrior());
        sample.managedProperty().bind(sample.visibleProperty());
        FlowPane gridBar = bar(label("Size"), gridSize, grid, sample);
        for (Spinner<Integer> s : List.of(steps, gridSize)) {
            s.setPrefWidth(84);
            s.setMinWidth(Region.USE_PREF_SIZE);
        }
        priorNote.setId("prior-note");
        priorNote.getStyleClass().add("metrics");
        priorNote.setWrapText(true);
        priorNote.managedProperty().bind(priorNote.visibleProperty());
        manifoldNote.getStyleClass().add("metrics");
        manifoldNote.setWrapText(true);
        manifold.setId("manifold-grid");
        gridScroll = new ScrollPane(manifold);
        gridScroll.setFitToWidth(true);
        VBox.setVgrow(gridScroll, Priority.ALWAYS);

        gibbs = new GibbsChainPanel(wb);
        VBox right = new VBox(8, section("INTERPOLATION"), interpBar, strip, section("MANIFOLD AND PRIOR"), gridBar,
                priorNote, manifoldNote, gridScroll, gibbs);
        right.setPrefWidth(420);
        right.setMinWidth(0);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        wb.training().modelProperty().addListener((obs, o, n) -> {
            if (n == null || n.lineage() != lineage) {
                forget();
            }
            lineage = n == null ? -1 : n.lineage();
            showPriorChoice();
            refreshCodes();
        });
        wb.design().stateProperty().addListener((obs, o, n) -> showPriorChoice());
        forget();
        showPriorChoice();
    }

    /** Images drawn by the last Gibbs chain (tests read this). */
    public int gibbsFrames() {
        return gibbs.frameCount();
    }

    /** Images in the interpolation strip (tests read this). */
    public int stripImages() {
        return strip.getChildren().size();
    }

    /** The strip itself, which is fitted to the pane's width (tests measure it). */
    public Region strip() {
        return strip;
    }

    /** "A: #12 (3)    B: #40 (7)", or what to do (tests read this). */
    public String pairText() {
        return pairLabel.getText();
    }

    public ScatterPlot plane() {
        return plane;
    }

    @Override
    public void setTheme(Theme theme) {
        plane.style(theme);
    }

    @Override
    public void setShowing(boolean on) {
        clearing.setShowing(on); // before the codes of a newer model are drawn
        gate.setShowing(on);
    }

    /**
     * Drops everything that belonged to the previous model: picks, path, strip, decoded point, grid.
     * While the tab is hidden, what is on it is cleared when it is shown: a fresh run's start
     * otherwise laid out this hidden tab, 8-14 ms of the FX thread at the Train button's press.
     */
    private void forget() {
        codes = null;
        a = -1;
        b = -1;
        lastPath = null;
        clearShown();
    }

    private void clearShown() {
        if (clearing.deferIfHidden()) {
            return;
        }
        pickA.setSelected(true);
        pairLabel.setText("Click two points on the plane, or take a random pair.");
        strip.getChildren().clear();
        manifold.getChildren().clear();
        manifoldNote.setText("");
        decoded.getChildren().setAll(Gallery.placeholder("Click an empty spot of the plane to decode it."));
        gibbs.clear();
        plane.clearMarks();
        plane.setTitle("Latent plane");
        plane.setPoints(new float[0], 0, null, List.of(), "z1", "z2", "Train the model: its codes appear here");
    }

    /** "Sample the prior" for designs that have one; for the others, one line on why a plain code space has gaps. */
    private void showPriorChoice() {
        TrainedModel m = wb.training().model();
        ModelSpec spec = m != null ? m.weights().spec() : wb.design().spec();
        sample.setVisible(spec.hasPrior());
        gibbs.showFor(spec);
        priorNote.setVisible(!spec.hasPrior());
        priorNote.setText("No prior to sample: a plain autoencoder's codes lie where training put them, in clusters"
                + " with gaps between, and a point in a gap decodes to something unlike any sample.");
    }

    /** Encodes the probe samples with the newest weights (background), for the plane. */
    private void refreshCodes() {
        if (gate.deferIfHidden()) {
            return;
        }
        TrainedModel trained = wb.training().model();
        if (trained == null) {
            return;
        }
        ProbeSet probe = trained.probe();
        Background.run("generate codes", () -> model.with(trained.weights(), m -> LatentCodes.of(m, probe, wb.inference())), c -> {
            if (wb.training().model() != trained) {
                return; // a newer model is on its way
            }
            codes = c;
            plane.setTitle(c.planeTitle());
            plane.setPoints(c.onPlane(), probe.size(), probe.labels(), trained.data().all().classNames(), c.xLabel(),
                    c.yLabel(), c.plane() == null ? "click a point to pick it, an empty spot to decode it"
                            : "interpolation runs in all " + c.codeSize() + " units; a clicked spot decodes the mean code"
                            + " moved along these two directions");
            drawPath();
        }, msg -> pairLabel.setText(msg));
    }

    private void picked(int i) {
        if (pickA.isSelected()) {
            a = i;
            pickB.setSelected(true);
        } else {
            b = i;
            pickA.setSelected(true);
        }
        lastPath = null;
        describePair();
        drawPath();
    }

    private void randomPair() {
        if (codes == null) {
            return;
        }
        SplittableRandom r = new SplittableRandom(System.nanoTime());
        int n = codes.probe().size();
        a = r.nextInt(n);
        do {
            b = r.nextInt(n);
        } while (b == a && n > 1);
        describePair();
        interpolate();
    }

    private void describePair() {
        TrainedModel m = wb.training().model();
        if (m != null) {
            pairLabel.setText("A: " + name(m.data().all(), a) + "    B: " + name(m.data().all(), b));
        }
    }

    private String name(Dataset all, int probeIndex) {
        if (probeIndex < 0 || codes == null) {
            return "\u2014";
        }
        int i = codes.probe().indices()[probeIndex];
        String label = all.hasLabels() && all.labels()[i] < all.classNames().size() ? " (" + all.classNames().get(all.labels()[i]) + ")" : "";
        return "#" + i + label;
    }

    /** Decodes the interpolation between A and B and draws its path. */
    public void interpolate() {
        TrainedModel trained = wb.training().model();
        if (codes == null || trained == null || a < 0 || b < 0) {
            pairLabel.setText("Pick two points first (A, then B), or take a random pair.");
            return;
        }
        ProbeSet probe = codes.probe();
        float[] xa = probe.row(a);
        float[] xb = probe.row(b);
        int n = steps.getValue();
        boolean spherical = "Spherical".equals(method.getValue());
        Background.run("interpolate", () -> model.with(trained.weights(),
                m -> Interpolation.between(m, xa, xb, n, spherical, wb.inference())), path -> {
                    if (wb.training().model() != trained && (wb.training().model() == null
                            || wb.training().model().lineage() != trained.lineage())) {
                        return;
                    }
                    List<VBox> frames = cells(path.frames(), n, trained.data(), i -> i == 0 ? "A" : i == n - 1 ? "B" : " ", strip, n);
                    for (int i = 0; i < frames.size(); i++) {
                        Tooltip.install(frames.get(i), new Tooltip(stepCaption(i, n)));
                    }
                    strip.getChildren().setAll(frames);
                    lastPath = path.codes();
                    lastPathSteps = n;
                    drawPath();
                }, msg -> pairLabel.setText("Could not interpolate: " + msg));
    }

    /** How far along the path frame i of n lies: "t = 0.33". */
    static String stepCaption(int i, int n) {
        return String.format(Locale.ROOT, "t = %.2f", n == 1 ? 0.0 : (double) i / (n - 1));
    }

    private void drawPath() {
        if (codes == null) {
            return;
        }
        if (lastPath != null && a >= 0 && b >= 0) {
            plane.setPath(codes.toPlane(lastPath, lastPathSteps), lastPathSteps, PATH);
        } else if (a >= 0) {
            float[] p = codes.onPlane();
            plane.mark(p[2 * a], p[2 * a + 1], PATH);
        }
    }

    private void decodeAt(double x, double y) {
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null) {
            return;
        }
        float[] z = codes.fromPlane((float) x, (float) y);
        TrainedModel trained = wb.training().model();
        Label where = new Label(String.format(Locale.ROOT, "decoded at (%.2f, %.2f) on the plane", x, y));
        where.getStyleClass().add("image-caption");
        Dataset all = trained.data().all();
        if (SampleImages.isTabular(all.sampleShape())) {
            // A table's row decodes to values, listed by name.
            float[] range = trained.data().valueRange();
            Background.run("decode", () -> model.with(frozen, m -> m.decode(wb.inference(), z, 1)), out -> decoded.getChildren()
                    .setAll(where, SampleValues.table(SampleValues.featureNames(all), List.of(new SampleValues.Column("decoded", out)),
                            range[0], range[1])), msg -> pairLabel.setText("Could not decode: " + msg));
            return;
        }
        decodeInto(frozen, z, 1, images -> decoded.getChildren().setAll(where, images.get(0)), i -> null, null, 1);
    }

    private void manifoldGrid() {
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null) {
            return;
        }
        if (codes.codeSize() != 2) {
            manifoldNote.setText("The manifold grid needs a 2-D code; this code has " + codes.codeSize() + " units."
                    + (frozen.spec().hasPrior() ? " Sample the prior instead." : ""));
            return;
        }
        int n = gridSize.getValue();
        boolean prior = frozen.spec().hasPrior() && frozen.spec().codeDistribution().standardNormal();
        float[] z = prior
                ? LatentPaths.manifold(n, LatentPaths::normalQuantile, LatentPaths::normalQuantile)
                : LatentPaths.manifold(n, p -> codes.quantile(0, p), p -> codes.quantile(1, p));
        manifoldNote.setText(prior
                ? "z at the normal quantiles \u03a6\u207b\u00b9(p), p = 0.5/n \u2026 1 \u2212 0.5/n, in each direction (Kingma and Welling 2014)"
                : frozen.spec().hasPrior()
                ? "z at the quantiles of the codes themselves, in each direction (the prior, "
                        + frozen.spec().codeDistribution().description() + ", has no grid of its own)"
                : "z at the quantiles of the codes themselves, in each direction: a plain autoencoder has no prior,"
                        + " so blurry or unlike cells show the gaps between its clusters");
        decodeInto(frozen, z, n * n, images -> {
            fillGrid(images, n);
            plane.setMarks(z, n * n, new Color(0x56B4E9));
        }, i -> null, gridScroll, n);
    }

    private void samplePrior() {
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null || !frozen.spec().hasPrior()) {
            return;
        }
        var prior = frozen.spec().codeDistribution();
        float[] z = prior.sample(PRIOR_SAMPLES, codes.codeSize(), new SplittableRandom(System.nanoTime()));
        manifoldNote.setText(PRIOR_SAMPLES + " draws z ~ " + prior.description() + ", decoded");
        decodeInto(frozen, z, PRIOR_SAMPLES, images -> {
            fillGrid(images, PRIOR_ROW);
            plane.setMarks(codes.toPlane(z, PRIOR_SAMPLES), PRIOR_SAMPLES, new Color(0x56B4E9));
        }, i -> null, gridScroll, PRIOR_ROW);
    }

    /** Lays the cells out {@code perRow} to a row, their images already bound to the pane's width. */
    private void fillGrid(List<VBox> images, int perRow) {
        manifold.getChildren().clear();
        // A table's rows are bar charts, which need gaps between them to be told apart; pictures tile.
        TrainedModel m = wb.training().model();
        double gap = m != null && SampleImages.isTabular(m.data().all().sampleShape()) ? 6 : 0;
        manifold.setHgap(gap);
        manifold.setVgap(gap);
        for (int i = 0; i < images.size(); i++) {
            manifold.add(images.get(i), i % perRow, i / perRow);
        }
    }

    /**
     * Decodes n codes in the background and hands back one cell per code; with {@code fitTo}, the
     * images are scaled so that {@code perRow} of them fill its width.
     */
    private void decodeInto(ModelSnapshot frozen, float[] z, int n, Consumer<List<VBox>> done, IntFunction<String> caption,
                            Region fitTo, int perRow) {
        TrainedModel trained = wb.training().model();
        if (trained == null) {
            return;
        }
        PreparedData data = trained.data();
        Background.run("decode", () -> model.with(frozen, m -> m.decode(wb.inference(), z, n)),
                out -> done.accept(cells(out, n, data, caption, fitTo, perRow)),
                msg -> pairLabel.setText("Could not decode: " + msg));
    }

    private static List<VBox> cells(float[] out, int n, PreparedData data, IntFunction<String> caption, Region fitTo, int perRow) {
        float[] range = data.valueRange();
        List<VBox> images = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            VBox cell = Gallery.cell(SampleImages.of(out, i, data.all().sampleShape(), range[0], range[1], SCALE), caption.apply(i));
            if (fitTo != null && cell.getChildren().get(0) instanceof ImageView view) {
                view.setPreserveRatio(true);
                view.fitWidthProperty().bind(fitTo.widthProperty().subtract(4 + 8 * perRow).divide(perRow));
                cell.setMinWidth(0);
            }
            images.add(cell);
        }
        return images;
    }

    private static FlowPane bar(Control... controls) {
        FlowPane bar = new FlowPane(6, 6, controls);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Control c : controls) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
