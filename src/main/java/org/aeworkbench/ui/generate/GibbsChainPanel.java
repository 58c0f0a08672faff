package org.aeworkbench.ui.generate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.RbmPretraining;
import org.aeworkbench.engine.model.RbmPretrainingSpec;
import org.aeworkbench.engine.variant.rbm.DeepBeliefNet;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.SampleImages;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * For a design pretrained as a deep belief net: a short Gibbs chain in the top RBM trained so far
 * (the RBM of the stage being trained, or the last one once fine-tuning has begun), started from
 * a few validation samples and shown as images through the RBMs below ({@link DeepBeliefNet}).
 * Each row is one chain: how the machine's own samples drift from the data it was started on
 * shows what the stack has learnt to generate.
 */
final class GibbsChainPanel extends VBox {

    private static final int CHAINS = 6;
    private static final int SCALE = 2;

    private final WorkbenchModel wb;
    private final ModelCache model = new ModelCache();
    private final Spinner<Integer> steps = new Spinner<>(1, 30, 10);
    private final Label note = new Label();
    private final GridPane frames = new GridPane();
    private int shownFrames;

    GibbsChainPanel(WorkbenchModel wb) {
        this.wb = wb;
        setSpacing(8);
        setId("gibbs-panel");
        Label title = new Label("GIBBS CHAIN FROM THE TOP RBM");
        title.getStyleClass().add("section-title");
        steps.setId("gibbs-steps");
        steps.setPrefWidth(84);
        steps.setMinWidth(Region.USE_PREF_SIZE);
        Button run = new Button("Run a Gibbs chain");
        run.setId("gibbs-button");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setTooltip(new Tooltip("Alternate the top RBM's hidden and visible units from a few validation samples"));
        run.setOnAction(e -> runChain());
        Label stepsLabel = new Label("Steps");
        stepsLabel.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(6, 6, stepsLabel, steps, run);
        bar.setAlignment(Pos.CENTER_LEFT);
        note.setId("gibbs-note");
        note.getStyleClass().add("metrics");
        note.setWrapText(true);
        frames.setId("gibbs-grid");
        frames.setHgap(2);
        frames.setVgap(2);
        ScrollPane scroll = new ScrollPane(frames);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, bar, note, scroll);
        managedProperty().bind(visibleProperty());
    }

    /** Shown for designs with RBM pretraining only. */
    void showFor(ModelSpec spec) {
        setVisible(spec.has(RbmPretrainingSpec.class));
    }

    /** Forgets the last chain (its model was replaced). */
    void clear() {
        frames.getChildren().clear();
        shownFrames = 0;
        note.setText("Each row starts at a validation sample and takes Gibbs steps in the top RBM trained so far;"
                + " every step is drawn through the RBMs below it.");
    }

    /** Images drawn by the last chain (tests read this). */
    int frameCount() {
        return shownFrames;
    }

    private void runChain() {
        TrainedModel trained = wb.training().model();
        if (trained == null) {
            note.setText("Train the model first: the chain runs in its RBMs.");
            return;
        }
        ModelSpec spec = trained.weights().spec();
        int layers = spec.encoder().size();
        int stage = RbmPretraining.layerOfStage(wb.training().currentStage());
        int top = stage >= 0 ? stage : layers - 1;
        ProbeSet probe = trained.probe();
        PreparedData data = trained.data();
        int n = Math.min(CHAINS, probe.size());
        int width = data.all().features();
        float[] start = java.util.Arrays.copyOf(probe.values(), n * width);
        int k = steps.getValue();
        note.setText("running\u2026");
        Background.run("gibbs chain", () -> model.with(trained.weights(), m ->
                new DeepBeliefNet(RbmPretraining.machines(m, top + 1)).gibbsChain(wb.inference(), start, n, k,
                        new SplittableRandom(spec.training().seed()))), chain -> show(chain, n, data, top, layers),
                msg -> note.setText("Could not run the chain: " + msg));
    }

    private void show(List<float[]> chain, int n, PreparedData data, int top, int layers) {
        frames.getChildren().clear();
        float[] range = data.valueRange();
        for (int s = 0; s < chain.size(); s++) {
            for (int i = 0; i < n; i++) {
                String caption = i == 0 ? (s == 0 ? "start" : "step " + s) : null;
                frames.add(Gallery.cell(SampleImages.of(chain.get(s), i, data.all().sampleShape(), range[0], range[1], SCALE),
                        caption), s, i);
            }
        }
        shownFrames = chain.size() * n;
        note.setText(String.format(Locale.ROOT, "%d chains of %d Gibbs steps in RBM %d of %d%s, drawn through the RBMs"
                        + " below; the first column is the data each chain starts from, as the stack reconstructs it.",
                n, chain.size() - 1, top + 1, layers, top + 1 < layers ? " (the one being trained)" : ""));
    }
}
