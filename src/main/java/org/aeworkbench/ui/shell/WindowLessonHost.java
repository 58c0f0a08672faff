package org.aeworkbench.ui.shell;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.lesson.LessonHost;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/** The main window as lessons see it: its tabs, and what its Latent space and Anomaly views show. */
final class WindowLessonHost implements LessonHost {

    private final WorkbenchModel wb;
    private final TabPane tabs;
    private final LatentView latent;
    private final AnomalyView anomaly;
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper("");
    private final ObjectBinding<String> clickedClass;
    private final BooleanBinding latentScored;
    private final BooleanBinding anomalyScored;

    WindowLessonHost(WorkbenchModel wb, TabPane tabs, LatentView latent, AnomalyView anomaly) {
        this.wb = wb;
        this.tabs = tabs;
        this.latent = latent;
        this.anomaly = anomaly;
        Tab now = tabs.getSelectionModel().getSelectedItem();
        shown.set(now == null ? "" : now.getText());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> shown.set(t == null ? "" : t.getText()));
        clickedClass = Bindings.createObjectBinding(() -> className(latent.selectedSampleProperty().get()),
                latent.selectedSampleProperty());
        latentScored = Bindings.createBooleanBinding(() -> {
            TrainedModel m = wb.training().model();
            return latent.scoresProperty().get() != null && m != null && m.weights().spec().equals(wb.design().spec());
        }, latent.scoresProperty(), wb.training().modelProperty(), wb.design().stateProperty());
        anomalyScored = anomaly.model().resultProperty().isNotNull();
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
