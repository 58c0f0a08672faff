package org.aeworkbench.ui.generate;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.ui.WorkbenchModel;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.RefreshWhenShown;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.ScatterPlot;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.ModelCache;
import org.aeworkbench.ui.training.ModelSnapshot;
import org.aeworkbench.ui.training.ProbeSet;

/**
 * The Generate tab: walk the latent space. Pick two samples on the scatter (or a random pair) and
 * decode a linear or spherical interpolation between their codes, drawn as a path on the plane;
 * decode any clicked point of the plane; show the manifold grid for 2-D codes; sample from the
 * prior. Meant for VAEs, and just as telling for plain autoencoders, whose latent spaces have gaps.
 */
public final class GenerateView extends HBox implements MainWindow.Themed, MainWindow.TabView {

    private static final int SCALE = 2;
    private static final Color PATH = new Color(0xD55E00);

    private final WorkbenchModel wb;
    private final ScatterPlot plane = new ScatterPlot("Latent plane");
    private final ToggleButton pickA = new ToggleButton("Pick A");
    private final ToggleButton pickB = new ToggleButton("Pick B");
    private final Label pairLabel = new Label("Click two points on the plane, or take a random pair.");
    private final Spinner<Integer> steps = new Spinner<>(3, 30, 10);
    private final ComboBox<String> method = new ComboBox<>();
    private final HBox strip = new HBox(4);
    private final VBox decoded = new VBox(4);
    private final GridPane manifold = new GridPane();
    private final Spinner<Integer> gridSize = new Spinner<>(4, 24, 12);
    private final Label manifoldNote = new Label();
    private LatentCodes codes;
    private ScrollPane gridScroll;
    private final ModelCache model = new ModelCache();
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
        pairLabel.setWrapText(true);
        pairLabel.getStyleClass().add("metrics");
        HBox pickBar = new HBox(6, pickA, pickB, random);
        pickBar.setAlignment(Pos.CENTER_LEFT);
        plane.setId("generate-plane");
        plane.setOnPointClicked(this::picked);
        plane.setOnPlaneClicked(this::decodeAt);
        plane.setHoverCard(i -> {
            PreparedData d = wb.training().trainedOn();
            return codes == null || d == null ? null
                    : Gallery.cell(SampleImages.of(d.all().values(), codes.probe().indices()[i], d.all().sampleShape(),
                    d.valueRange()[0], d.valueRange()[1], 3), "#" + codes.probe().indices()[i]);
        });
        decoded.setId("decoded-point");
        decoded.getChildren().add(Gallery.placeholder("Click an empty spot of the plane to decode it."));
        VBox left = new VBox(8, pickBar, pairLabel, plane, decoded);
        VBox.setVgrow(plane, Priority.ALWAYS);
        left.setPrefWidth(420);
        HBox.setHgrow(left, Priority.ALWAYS);

        method.getItems().setAll("Linear", "Spherical");
        method.setValue("Linear");
        method.setId("interpolation-method");
        method.setTooltip(new Tooltip("Spherical interpolation keeps the code's length typical of a Gaussian prior"));
        steps.setPrefWidth(80);
        steps.setId("interpolation-steps");
        Button interpolate = new Button("Interpolate");
        interpolate.setId("interpolate-button");
        interpolate.getStyleClass().add("accent");
        interpolate.setOnAction(e -> interpolate());
        HBox interpBar = new HBox(6, label("Steps"), steps, method, interpolate);
        interpBar.setAlignment(Pos.CENTER_LEFT);
        strip.setId("interpolation-strip");
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setPrefHeight(90);
        stripScroll.setMinHeight(90);

        gridSize.setPrefWidth(80);
        Button grid = new Button("Manifold grid");
        grid.setMinWidth(Region.USE_PREF_SIZE);
        grid.setId("manifold-button");
        grid.setOnAction(e -> manifoldGrid());
        Button sample = new Button("Sample the prior");
        sample.setMinWidth(Region.USE_PREF_SIZE);
        sample.setId("sample-prior");
        sample.setOnAction(e -> samplePrior());
        HBox gridBar = new HBox(6, label("Size"), gridSize, grid, sample);
        gridBar.setAlignment(Pos.CENTER_LEFT);
        manifoldNote.getStyleClass().add("metrics");
        manifoldNote.setWrapText(true);
        manifold.setHgap(0);
        manifold.setVgap(0);
        manifold.setId("manifold-grid");
        gridScroll = new ScrollPane(manifold);
        VBox.setVgrow(gridScroll, Priority.ALWAYS);

        VBox right = new VBox(8, section("INTERPOLATION"), interpBar, stripScroll, section("MANIFOLD AND PRIOR"), gridBar,
                manifoldNote, gridScroll);
        right.setPrefWidth(420);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        wb.training().snapshotProperty().addListener((obs, o, n) -> refreshCodes());
        plane.setPoints(new float[0], 0, null, List.of(), "z1", "z2", "Train the model: its codes appear here");
    }

    /** Images in the interpolation strip (tests read this). */
    public int stripImages() {
        return strip.getChildren().size();
    }

    public ScatterPlot plane() {
        return plane;
    }

    @Override
    public void setTheme(Theme theme) {
        plane.style(theme);
    }

    private final RefreshWhenShown gate = new RefreshWhenShown(this::refreshCodes);

    @Override
    public void setShowing(boolean on) {
        gate.setShowing(on);
    }

    /** Encodes the probe samples with the newest weights (background), for the plane. */
    private void refreshCodes() {
        if (gate.deferIfHidden()) {
            return;
        }
        ModelSnapshot frozen = wb.training().snapshot();
        ProbeSet probe = wb.training().probe();
        PreparedData data = wb.training().trainedOn();
        if (frozen == null || probe == null || data == null) {
            return;
        }
        Background.run("generate codes", () -> model.with(frozen, m -> LatentCodes.of(m, probe, wb.inference())), c -> {
            codes = c;
            float[] view = c.plane();
            plane.setPoints(view, probe.size(), probe.labels(), data.all().classNames(), "z1", "z2",
                    c.codeSize() > 2 ? "code units z1 and z2 of " + c.codeSize() + "; other units at their mean when decoding"
                            : "click a point to pick it, an empty spot to decode it");
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
        Dataset all = wb.training().trainedOn().all();
        pairLabel.setText("A: " + name(all, a) + "    B: " + name(all, b));
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
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null || a < 0 || b < 0) {
            pairLabel.setText("Pick two points first (A, then B), or take a random pair.");
            return;
        }
        float[] za = codes.code(a);
        float[] zb = codes.code(b);
        int n = steps.getValue();
        float[] path = "Spherical".equals(method.getValue()) ? LatentPaths.spherical(za, zb, n) : LatentPaths.linear(za, zb, n);
        decodeInto(frozen, path, n, images -> {
            strip.getChildren().setAll(images);
            drawPath();
        }, i -> String.format(Locale.ROOT, "t=%.2f", n == 1 ? 0.0 : (double) i / (n - 1)));
        lastPath = path;
        lastPathSteps = n;
    }

    private void drawPath() {
        if (codes == null) {
            return;
        }
        if (lastPath != null && a >= 0 && b >= 0) {
            plane.setPath(codes.toPlane(lastPath, lastPathSteps), lastPathSteps, PATH);
        } else if (a >= 0) {
            float[] p = codes.plane();
            plane.mark(p[2 * a], p[2 * a + 1], PATH);
        }
    }

    private void decodeAt(double x, double y) {
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null) {
            return;
        }
        float[] z = codes.fromPlane((float) x, (float) y);
        decodeInto(frozen, z, 1, images -> {
            Label where = new Label(String.format(Locale.ROOT, "decoded at z1 = %.2f, z2 = %.2f", x, y));
            where.getStyleClass().add("image-caption");
            decoded.getChildren().setAll(where, images.get(0));
        }, i -> null);
    }

    private void manifoldGrid() {
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null) {
            return;
        }
        if (codes.codeSize() != 2) {
            manifoldNote.setText("The manifold grid needs a 2-D code; this code has " + codes.codeSize()
                    + " units. Sample from the prior instead.");
            return;
        }
        int n = gridSize.getValue();
        boolean vae = frozen.spec().variant(VariationalSpec.class) != null;
        float[] z = vae
                ? LatentPaths.manifold(n, LatentPaths::normalQuantile, LatentPaths::normalQuantile)
                : LatentPaths.manifold(n, p -> codes.quantile(0, p), p -> codes.quantile(1, p));
        manifoldNote.setText(vae
                ? "z at the normal quantiles \u03a6\u207b\u00b9(p), p = 0.5/n \u2026 1 \u2212 0.5/n, in each direction (Kingma and Welling 2014)"
                : "z at the quantiles of the codes themselves, in each direction: a plain autoencoder has no prior,"
                        + " so blurry or unlike cells show the gaps between its clusters");
        decodeInto(frozen, z, n * n, images -> {
            fillGrid(images, n);
            plane.setMarks(z, n * n, new Color(0x56B4E9));
        }, i -> null);
    }

    private void samplePrior() {
        ModelSnapshot frozen = wb.training().snapshot();
        if (codes == null || frozen == null) {
            return;
        }
        int count = 32;
        boolean vae = frozen.spec().variant(VariationalSpec.class) != null;
        float[] z = codes.samplePrior(count, vae, new SplittableRandom(System.nanoTime()));
        manifoldNote.setText(vae ? "32 draws z ~ N(0, I), decoded"
                : "32 draws from a Gaussian fitted to the codes (mean and variance per unit): a plain autoencoder has"
                        + " no prior of its own");
        decodeInto(frozen, z, count, images -> {
            fillGrid(images, 8);
            plane.setMarks(codes.toPlane(z, count), count, new Color(0x56B4E9));
        }, i -> null);
    }

    /** Lays images out n to a row, each scaled so the row fits the pane's width. */
    private void fillGrid(List<VBox> images, int n) {
        manifold.getChildren().clear();
        for (int i = 0; i < images.size(); i++) {
            VBox cell = images.get(i);
            if (cell.getChildren().get(0) instanceof javafx.scene.image.ImageView view) {
                view.setPreserveRatio(true);
                view.fitWidthProperty().bind(gridScroll.widthProperty().subtract(16).divide(n));
            }
            manifold.add(cell, i % n, i / n);
        }
    }

    /** Decodes n codes in the background and hands back one image node per code. */
    private void decodeInto(ModelSnapshot frozen, float[] z, int n, java.util.function.Consumer<List<VBox>> done,
                            java.util.function.IntFunction<String> caption) {
        PreparedData data = wb.training().trainedOn();
        Background.run("decode", () -> model.with(frozen, m -> m.decode(wb.inference(), z, n)), out -> {
            float[] range = data.valueRange();
            List<VBox> images = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                images.add(Gallery.cell(SampleImages.of(out, i, data.all().sampleShape(), range[0], range[1], SCALE),
                        caption.apply(i)));
            }
            done.accept(images);
        }, msg -> pairLabel.setText("Could not decode: " + msg));
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
