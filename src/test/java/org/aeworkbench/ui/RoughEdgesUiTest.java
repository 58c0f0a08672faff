package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.LayerPath;
import org.aeworkbench.ui.generate.GenerateView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.training.TrainingView;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rough edges a new user found in the window, each pinned. */
@ExtendWith(ApplicationExtension.class)
class RoughEdgesUiTest {

    private static PreparedData digits;
    private static PreparedData customers;

    private TestWindow shown;
    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
        customers = DataModel.prepare(DataReference.of("customers"));
    }

    @Start
    void start(Stage s) {
        stage = s;
        shown = TestWindow.show(s, 1260, 780);
        wb = shown.wb();
        window = shown.main();
        wb.data().set(digits);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        TestWindow.waitFor(seconds, condition);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return TestWindow.fx(c);
    }


    private void trainToEnd(FxRobot robot, int epochs) throws Exception {
        shown.trainToEnd(robot, epochs);
    }

    /**
     * The UI tests' file dialog: a modal window with a Cancel button, shown and waited for as the
     * platform's dialog is (a nested event loop, the main window losing and regaining the focus).
     * Monocle has no native dialogs; this is the part of one that concerns the window behind it.
     */
    private static final class StandInDialog implements FileDialogs {
        int shown;

        @Override
        public File showOpen(FileChooser chooser, Window owner) {
            return show(chooser, owner);
        }

        @Override
        public File showSave(FileChooser chooser, Window owner) {
            return show(chooser, owner);
        }

        private File show(FileChooser chooser, Window owner) {
            shown++;
            Stage dialog = new Stage();
            dialog.initOwner(owner);
            dialog.initModality(Modality.WINDOW_MODAL);
            dialog.setTitle(chooser.getTitle());
            Button cancel = new Button("Cancel");
            cancel.setId("stand-in-cancel");
            cancel.setOnAction(e -> dialog.close());
            dialog.setScene(new Scene(new VBox(new Label(chooser.getTitle()), cancel), 300, 120));
            dialog.showAndWait();
            return null;
        }
    }

    @Test
    void popupMenusTakeMouseClicksAfterAFileDialog(FxRobot robot) throws Exception {
        StandInDialog dialogs = new StandInDialog();
        robot.interact(() -> FileDialogs.install(dialogs));
        try {
            robot.clickOn("File").clickOn("#open-data-file");
            waitFor(10, () -> robot.lookup("#stand-in-cancel").tryQuery().isPresent());
            robot.clickOn("#stand-in-cancel");
            assertEquals(1, dialogs.shown);

            robot.clickOn("#presets-button").clickOn("k-sparse");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("k-sparse", wb.design().spec().name(), "the toolbar's popup took the click");

            robot.clickOn("Model");
            clickInPopup(robot, "Presets");
            clickInPopup(robot, "VAE, 2-D latent");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("vae-2d", wb.design().spec().name(), "the menu bar's popup took the click");

            robot.clickOn("#training-view .menu-button").clickOn("loss-per-epoch as PNG\u2026");
            waitFor(10, () -> robot.lookup("#stand-in-cancel").tryQuery().isPresent());
            robot.clickOn("#stand-in-cancel");
            assertEquals(2, dialogs.shown);

            robot.clickOn("#dataset-chooser").clickOn("customers");
            waitFor(90, () -> wb.data().current() != null && wb.data().current().all().name().equals("customers"));
        } finally {
            robot.interact(() -> FileDialogs.install(null));
        }
    }

    /** Clicks the item with this text in an open popup menu (not a control of the window that has the same text). */
    private void clickInPopup(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        Node item = robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != null && n.getScene() != stage.getScene() && n.isVisible()).query();
        // By its place on the screen: clicking the item closes its popup, after which the node has no scene.
        // Sideways first, then down, as a hand moves into a submenu: a slant across the parent
        // menu's other items would open their submenus instead.
        javafx.geometry.Bounds b = item.localToScreen(item.getBoundsInLocal());
        double y = robot.robotContext().getBaseRobot().retrieveMouse().getY();
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 12, y));
        robot.clickOn(b.getMinX() + 12, b.getCenterY());
    }

    @Test
    void theEpochsChosenStayWhenNewDataRebuildsThePreset(FxRobot robot) throws Exception {
        robot.interact(() -> {
            wb.design().replace("reference", Presets.get("reference", digits.all().sampleShape()));
            wb.design().edit("epochs", s -> s.withTraining(s.training().withEpochs(2)));
        });
        robot.interact(() -> wb.data().set(customers));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("reference", wb.design().spec().name());
        assertEquals(6, ((DenseSpec) wb.design().spec().decoder().get(wb.design().spec().decoder().size() - 1)).units(),
                "rebuilt for six values");
        assertEquals(2, wb.design().spec().training().epochs(), "not silently back to the preset's 10");
    }

    @Test
    void aContinuedRunIsNumberedAsTheChartNumbersIt(FxRobot robot) throws Exception {
        robot.interact(() -> wb.design().replace("small", TestWindow.small(784, 2)));
        trainToEnd(robot, 2);
        trainToEnd(robot, 4);
        String summary = window.view(TrainingView.class).summary();
        assertTrue(summary.startsWith("Epoch 4 (2/2 of this run)"), summary);
        assertEquals(4 * 2, window.view(TrainingView.class).epochPoints());
    }

    @Test
    void samplingThePriorIsOfferedOnlyForADesignWithAPrior(FxRobot robot) throws Exception {
        robot.interact(() -> wb.design().replace("small", TestWindow.small(784, 2)));
        robot.clickOn("#tab-generate");
        assertFalse(robot.lookup("#sample-prior").query().isVisible(), "a plain code space has no prior");
        Label note = robot.lookup("#prior-note").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().startsWith("No prior to sample") && note.getText().contains("gaps"),
                note.getText());
        robot.interact(() -> wb.applyPreset("vae-2d"));
        assertTrue(robot.lookup("#sample-prior").query().isVisible(), "a VAE has one");
        assertFalse(robot.lookup("#prior-note").query().isVisible());
    }

    @Test
    void theInterpolationStripFitsTheTabWithoutScrolling(FxRobot robot) throws Exception {
        robot.interact(() -> wb.design().replace("small", TestWindow.small(784, 2)));
        trainToEnd(robot, 2);
        robot.clickOn("#tab-generate");
        GenerateView generate = window.view(GenerateView.class);
        waitFor(90, () -> generate.plane().pointCount() == 300);
        assertEquals("Latent plane (the code itself)", fx(() -> generate.plane().chart().getTitle().getText()),
                "the plane says what it shows");
        robot.clickOn("#interpolation-steps .increment-arrow-button");
        robot.clickOn("#interpolation-steps .increment-arrow-button");
        robot.clickOn("#random-pair");
        waitFor(90, () -> generate.stripImages() == 12);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Region strip = generate.strip();
            for (Node p = strip.getParent(); p != null; p = p.getParent()) {
                assertFalse(p instanceof javafx.scene.control.ScrollPane, "the strip is not in a scroll pane");
            }
            double used = 0;
            for (Node frame : strip.getChildrenUnmodifiable()) {
                used = Math.max(used, frame.getBoundsInParent().getMaxX());
            }
            assertTrue(used <= strip.getWidth() + 0.5, "12 frames need " + used + " px of " + strip.getWidth());
            assertTrue(strip.localToScene(strip.getLayoutBounds()).getMaxX() <= generate.localToScene(generate.getLayoutBounds()).getMaxX() + 0.5,
                    "the strip stays inside the tab");
            return null;
        });
    }

    @Test
    void anActivationIsNamedAlikeOnItsCardAndInThePropertySheet(FxRobot robot) throws Exception {
        robot.interact(() -> {
            wb.design().replace("small", TestWindow.small(784, 2));
            wb.design().select(LayerPath.encoder(1));
        });
        WaitForAsyncUtils.waitForFxEvents();
        String card = fx(() -> shown((ComboBox<?>) stage.getScene().lookup("#layer-encoder-1 .activation-editor")));
        List<String> sheet = fx(() -> {
            List<String> shown = new ArrayList<>();
            for (Node n : stage.getScene().lookup("#property-sheet").lookupAll(".combo-box")) {
                if (n instanceof ComboBox<?> c && c.getValue() instanceof Activation) {
                    shown.add(shown(c));
                }
            }
            return shown;
        });
        assertEquals("Linear", card);
        assertEquals(List.of("Linear"), sheet, "the sheet names the code's activation as its card does");
    }

    /** What a combo box shows for its value. */
    private static String shown(ComboBox<?> box) {
        return ((javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin())
                .getDisplayNode()).getText();
    }

    @Test
    void aMismatchedOutputIsExplainedWithEachSizeSaidOnce(FxRobot robot) throws Exception {
        robot.interact(() -> {
            wb.data().set(customers);
            wb.design().replace("small", TestWindow.small(6, 2));
        });
        robot.interact(() -> wb.design().replaceLayer(LayerPath.decoder(1), new DenseSpec(100, Activation.SIGMOID), "units"));
        String problem = robot.lookup("#layer-decoder-1 .layer-problem").queryAs(Label.class).getText();
        assertEquals("\u26a0 the output has 100 values but each input has 6 values: make the last layer 6 units", problem);
    }

    @Test
    void stackedPretrainingsStageLabelsDoNotPrintOverEachOther(FxRobot robot) throws Exception {
        robot.interact(() -> {
            wb.data().set(customers);
            wb.design().replace("stacked", Presets.get("stacked", customers.all().sampleShape()));
            wb.design().edit("epochs", s -> s.withTraining(s.training().withEpochs(1)));
        });
        trainToEnd(robot, 3 * 2 + 1);
        List<Double> rows = fx(() -> {
            XYPlot plot = (XYPlot) window.view(TrainingView.class).epochChart().getPlot();
            List<Double> tops = new ArrayList<>();
            for (Object m : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
                tops.add(((ValueMarker) m).getLabelOffset().getTop());
            }
            return tops;
        });
        assertEquals(4, rows.size(), "three pretraining stages and fine-tuning");
        Set<Double> distinct = new HashSet<>(rows);
        assertEquals(rows.size(), distinct.size(), "each stage's label on its own row: " + rows);
    }

    /** WCAG's contrast ratio of two opaque colours. */
    private static double contrast(java.awt.Color a, java.awt.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(java.awt.Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    /** A see-through colour as it shows over an opaque background. */
    private static java.awt.Color over(java.awt.Color c, java.awt.Color background) {
        double a = c.getAlpha() / 255.0;
        return new java.awt.Color((int) Math.round(a * c.getRed() + (1 - a) * background.getRed()),
                (int) Math.round(a * c.getGreen() + (1 - a) * background.getGreen()),
                (int) Math.round(a * c.getBlue() + (1 - a) * background.getBlue()));
    }

    @Test
    void theDarkThemeDrawsTheRawBatchCurveVisiblyAndItsPopupsWithoutAFrame(FxRobot robot) throws Exception {
        robot.clickOn("#theme-button");
        assertEquals(Theme.DARK, wb.themeProperty().get());
        try {
            robot.interact(() -> wb.design().replace("small", TestWindow.small(784, 2)));
            trainToEnd(robot, 2);
            java.awt.Color line = window.view(TrainingView.class).rawBatchColour();
            java.awt.Color background = Theme.DARK.chartBackground();
            double ratio = contrast(over(line, background), background);
            assertTrue(ratio >= 3, "the raw batch curve stands out from the dark chart by " + ratio + ":1 (3:1 needed)");

            robot.clickOn("#presets-button");
            WaitForAsyncUtils.waitForFxEvents();
            ContextMenu menu = fx(() -> (ContextMenu) Window.getWindows().stream()
                    .filter(w -> w instanceof ContextMenu && w.isShowing()).findFirst().orElseThrow());
            fx(() -> {
                Node content = menu.getSkin().getNode();
                assertNull(content.getEffect(), "no shadow, whose margin an uncomposited X server paints white");
                assertTrue(menu.getWidth() - content.getBoundsInParent().getWidth() <= 1,
                        "the menu fills its popup: " + menu.getWidth() + " vs " + content.getBoundsInParent().getWidth());
                return null;
            });
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
        } finally {
            robot.interact(() -> wb.setTheme(Theme.LIGHT));
        }
    }

    /** The labels' texts under a node. */
    private static List<String> texts(Node root) {
        List<String> all = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l) {
                all.add(l.getText());
            }
        }
        return all;
    }

    @Test
    void aTablesRowsAreReadAsNamedValuesWithTheErrorPerFeature(FxRobot robot) throws Exception {
        robot.interact(() -> {
            wb.data().set(customers);
            wb.design().replace("small", TestWindow.small(6, 40));
        });
        trainToEnd(robot, 40);
        List<String> products = List.of("Product1", "Product2", "Product3", "Product4", "Product5", "Product6");

        robot.clickOn("#tab-reconstructions");
        var recon = window.view(org.aeworkbench.ui.reconstructions.ReconstructionsView.class);
        waitFor(90, () -> recon.valueCards().size() == 5);
        for (Node card : fx(recon::valueCards)) {
            List<String> shown = fx(() -> texts(card));
            assertTrue(shown.containsAll(products), "named by the file's header: " + shown);
            assertTrue(shown.containsAll(List.of("input", "autoencoder", "error\u00b2")), shown.toString());
            assertTrue(shown.stream().anyMatch(t -> t.matches("Customer\\d  \\((validation|train)\\)")), shown.toString());
        }
        assertEquals(0, recon.imageCount(), "no pictures of six values");
        assertTrue(recon.summary().contains("training samples are shown too"), recon.summary());

        robot.clickOn("#tab-latent-space");
        var latent = window.view(org.aeworkbench.ui.latent.LatentView.class);
        waitFor(90, () -> latent.aePoints() == 5);
        TestWindow.pickFirstCode(robot, latent);
        waitFor(30, () -> texts(latent.lookup("#sample-panel")).contains("error\u00b2"));
        List<String> card = fx(() -> texts(latent.lookup("#sample-panel")));
        assertTrue(card.containsAll(products) && card.containsAll(List.of("input", "autoencoder", "PCA")), card.toString());
        assertTrue(latent.selectedTitle().contains("CUSTOMER"), latent.selectedTitle());
    }

    @Test
    void anExportedScatterDrawsEveryCodeAndNotTheSelection(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        robot.interact(() -> wb.design().replace("small", TestWindow.small(784, 2)));
        trainToEnd(robot, 2);
        robot.clickOn("#tab-latent-space");
        var latent = window.view(org.aeworkbench.ui.latent.LatentView.class);
        waitFor(90, () -> latent.aePoints() == 300);
        TestWindow.pickFirstCode(robot, latent);
        waitFor(30, () -> latent.selectedTitle().startsWith("SAMPLE"));

        Path file = dir.resolve("latent-autoencoder.png");
        robot.interact(() -> FileDialogs.install(new FileDialogs() {
            @Override
            public File showOpen(FileChooser chooser, Window owner) {
                return null;
            }

            @Override
            public File showSave(FileChooser chooser, Window owner) {
                return file.toFile();
            }
        }));
        try {
            robot.clickOn("#latent-view .menu-button").clickOn("latent-autoencoder as PNG\u2026");
            waitFor(30, () -> Files.exists(file));
        } finally {
            robot.interact(() -> FileDialogs.install(null));
        }
        // Every code as a series item of its class, nothing else: the selection is no series.
        var exported = fx(() -> latent.autoencoderPlot().forExport());
        var data = exported.getXYPlot().getDataset();
        int items = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            items += data.getItemCount(s);
        }
        assertEquals(300, items);
        assertEquals(10, data.getSeriesCount(), "one series per digit");
        // And the file shows them: the legend's ten swatches alone colour a few hundred pixels.
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(file.toFile());
        int coloured = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                float[] hsb = java.awt.Color.RGBtoHSB((png.getRGB(x, y) >> 16) & 255, (png.getRGB(x, y) >> 8) & 255,
                        png.getRGB(x, y) & 255, null);
                coloured += hsb[1] > 0.3f && hsb[2] > 0.2f ? 1 : 0;
            }
        }
        assertTrue(coloured > 2000, coloured + " coloured pixels in the exported scatter of 300 codes");
    }
}
