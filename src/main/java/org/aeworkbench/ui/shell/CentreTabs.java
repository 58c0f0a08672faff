package org.aeworkbench.ui.shell;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.generate.GenerateView;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.probe.ProbeView;
import org.aeworkbench.ui.reconstructions.ReconstructionsView;
import org.aeworkbench.ui.retrieval.RetrievalView;
import org.aeworkbench.ui.runs.RunsView;
import org.aeworkbench.ui.training.TrainingView;
import org.aeworkbench.ui.weights.WeightsView;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The centre tabs, in the order they appear. Adding a view is one class (a {@link Node} that
 * implements {@link TabView}, built from the {@link WorkbenchModel}) and one line here; the window
 * gives it its tab, its Ctrl+number shortcut and View menu entry, the out-of-date note, and tells
 * it when it is shown and when the theme changes.
 */
final class CentreTabs {

    static final List<Registration> ALL = List.of(
            tab("Training", wb -> new TrainingView(wb.training())),
            tab("Latent space", LatentView::new),
            tab("Reconstructions", ReconstructionsView::new),
            tab("Generate", GenerateView::new),
            tab("Weights", WeightsView::new),
            tab("Anomaly", AnomalyView::new),
            tab("Runs", wb -> new RunsView(wb.runs(), wb::reopenRun, wb.training())),
            tab("Retrieval", RetrievalView::new),
            tab("Clustering", ClusteringView::new),
            tab("Probe", ProbeView::new));

    private CentreTabs() {
    }

    /** A view as built: the node the tab shows and the same object as the window talks to it. */
    record Built(Node node, TabView view) {
    }

    /**
     * A centre tab: its title (which also names its id, "tab-latent-space") and how its view is built.
     */
    record Registration(String title, Function<WorkbenchModel, Built> build) {

        String id() {
            return "tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        }
    }

    static <V extends Node & TabView> Registration tab(String title, Function<WorkbenchModel, V> create) {
        return new Registration(title, wb -> {
            V v = create.apply(wb);
            return new Built(v, v);
        });
    }
}
