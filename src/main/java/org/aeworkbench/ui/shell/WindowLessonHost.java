package org.aeworkbench.ui.shell;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.clustering.ClusteringModel;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.lesson.LessonHost;
import org.aeworkbench.ui.probe.ProbeModel;
import org.aeworkbench.ui.probe.ProbeView;
import org.aeworkbench.ui.retrieval.RetrievalModel;
import org.aeworkbench.ui.retrieval.RetrievalOverview;
import org.aeworkbench.ui.retrieval.RetrievalView;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The main window as lessons see it: its tabs, and what its Latent space, Anomaly, Retrieval,
 * Clustering and Probe views show.
 */
final class WindowLessonHost implements LessonHost {

    /** The centre tabs' views by type ({@link MainWindow#view}). */
    interface Views {
        <T> T view(Class<T> type);
    }

    private final WorkbenchModel wb;
    private final TabPane tabs;
    private final LatentView latent;
    private final AnomalyView anomaly;
    private final RetrievalView retrieval;
    private final ClusteringView clustering;
    private final ProbeView probe;
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper("");
    private final ObjectBinding<String> clickedClass;
    private final BooleanBinding latentScored;
    private final BooleanBinding anomalyScored;
    private final BooleanBinding retrievalQueried;
    private final BooleanBinding clustered;
    private final BooleanBinding probed;
    /** Waits for the Retrieval tab's ranking to query it, when Show me was pressed before it was ready. */
    private ChangeListener<RetrievalOverview> pendingQuery;

    WindowLessonHost(WorkbenchModel wb, TabPane tabs, Views views) {
        this.wb = wb;
        this.tabs = tabs;
        this.latent = views.view(LatentView.class);
        this.anomaly = views.view(AnomalyView.class);
        this.retrieval = views.view(RetrievalView.class);
        this.clustering = views.view(ClusteringView.class);
        this.probe = views.view(ProbeView.class);
        Tab now = tabs.getSelectionModel().getSelectedItem();
        shown.set(now == null ? "" : now.getText());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> shown.set(t == null ? "" : t.getText()));
        clickedClass = Bindings.createObjectBinding(() -> className(latent.selectedSampleProperty().get()),
                latent.selectedSampleProperty());
        latentScored = Bindings.createBooleanBinding(() -> latent.scoresProperty().get() != null
                && isDesigns(wb.training().model()), latent.scoresProperty(), wb.training().modelProperty(), wb.design().stateProperty());
        anomalyScored = anomaly.model().resultProperty().isNotNull();
        RetrievalModel r = retrieval.model();
        retrievalQueried = Bindings.createBooleanBinding(() -> r.queryProperty().get() != null && r.overviewProperty().get() != null
                && isCurrent(r.overviewProperty().get().codes().model()), r.queryProperty(), r.overviewProperty(),
                wb.training().modelProperty(), wb.design().stateProperty());
        ClusteringModel c = clustering.model();
        clustered = Bindings.createBooleanBinding(() -> c.resultProperty().get() != null
                && isCurrent(c.resultProperty().get().codes().model()), c.resultProperty(), wb.training().modelProperty(),
                wb.design().stateProperty());
        ProbeModel p = probe.model();
        probed = Bindings.createBooleanBinding(() -> p.resultProperty().get() != null
                && isCurrent(p.resultProperty().get().codes().model()), p.resultProperty(), wb.training().modelProperty(),
                wb.design().stateProperty());
    }

    /** Whether {@code m} is a model of the design as it is now (not one the design has since left). */
    private boolean isDesigns(TrainedModel m) {
        return m != null && m.weights().spec().equals(wb.design().spec());
    }

    /** Whether {@code m} is the trained model shown, and of the design as it is now. */
    private boolean isCurrent(TrainedModel m) {
        return m == wb.training().model() && isDesigns(m);
    }

    @Override
    public WorkbenchModel workbench() {
        return wb;
    }

    @Override
    public List<String> tabTitles() {
        return CentreTabs.ALL.stream().map(CentreTabs.Registration::title).toList();
    }

    @Override
    public ObservableStringValue shownTab() {
        return shown.getReadOnlyProperty();
    }

    @Override
    public void showTab(String title) {
        for (Tab t : tabs.getTabs()) {
            if (t.getText().equals(title)) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    @Override
    public ObservableValue<String> clickedClass() {
        return clickedClass;
    }

    @Override
    public boolean clickPointOfClass(String className) {
        PreparedData d = wb.training().trainedOn();
        if (d == null || !d.all().hasLabels()) {
            return false;
        }
        int label = d.all().classNames().indexOf(className);
        return label >= 0 && latent.selectFirstOfClass(label);
    }

    @Override
    public ObservableBooleanValue latentScored() {
        return latentScored;
    }

    @Override
    public ObservableBooleanValue anomalyScored() {
        return anomalyScored;
    }

    @Override
    public void scoreAnomalies() {
        if (wb.trainBlockedProperty().get().isEmpty() && !anomaly.model().runningProperty().get()) {
            anomaly.model().train(wb.design().spec());
        }
    }

    @Override
    public ObservableBooleanValue retrievalQueried() {
        return retrievalQueried;
    }

    @Override
    public void queryRetrieval() {
        RetrievalModel r = retrieval.model();
        if (pendingQuery != null) {
            r.overviewProperty().removeListener(pendingQuery);
            pendingQuery = null;
        }
        if (r.overviewProperty().get() != null && isCurrent(r.overviewProperty().get().codes().model())) {
            r.query(0);
            return;
        }
        pendingQuery = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends RetrievalOverview> obs, RetrievalOverview old, RetrievalOverview now) {
                if (now != null) {
                    obs.removeListener(this);
                    pendingQuery = null;
                    if (isCurrent(now.codes().model())) {
                        r.query(0);
                    }
                }
            }
        };
        r.overviewProperty().addListener(pendingQuery);
        r.refresh();
    }

    @Override
    public ObservableBooleanValue clustered() {
        return clustered;
    }

    @Override
    public void cluster() {
        clustering.cluster();
    }

    @Override
    public ObservableBooleanValue probed() {
        return probed;
    }

    @Override
    public void runProbe() {
        if (!probe.model().busyProperty().get()) {
            probe.model().run();
        }
    }

    /** The class name of sample {@code i} of the data the shown model was trained on, or null. */
    private String className(int i) {
        PreparedData d = wb.training().trainedOn();
        if (i < 0 || d == null || !d.all().hasLabels() || i >= d.all().samples()) {
            return null;
        }
        int label = d.all().labels()[i];
        return label < d.all().classNames().size() ? d.all().classNames().get(label) : Integer.toString(label);
    }
}
