package org.aeworkbench.ui.lesson;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The window as a lesson sees it: the workbench's models and commands, and the few things only
 * the window knows (which tab is shown, what was clicked in a view, whether a view has scored the
 * model). A lesson acts only through these, as a student would through the window.
 */
public interface LessonHost {

    WorkbenchModel workbench();

    /** The centre tabs' titles in order, which a lesson's {@code tab:} may name. */
    List<String> tabTitles();

    /** The title of the centre tab shown. */
    ObservableStringValue shownTab();

    /** Shows the centre tab with this title, as View > tab does. */
    void showTab(String title);

    /** The class (as the data names it) of the sample last clicked in the Latent space tab, or null. */
    ObservableValue<String> clickedClass();

    /**
     * Clicks, in the Latent space tab, the first drawn point of the named class, as a student would.
     *
     * @return false when no point of that class is drawn (no model yet, or no such class)
     */
    boolean clickPointOfClass(String className);

    /** Whether the Latent space tab shows the current model's scores beside PCA's. */
    ObservableBooleanValue latentScored();

    /** Whether the Anomaly tab has a result for the current data. */
    ObservableBooleanValue anomalyScored();

    /** Presses the Anomaly tab's Train. */
    void scoreAnomalies();

    /** Whether the Retrieval tab shows a query's neighbours for the trained model. */
    ObservableBooleanValue retrievalQueried();

    /**
     * Clicks, in the Retrieval tab, the first held-out sample as a query, once the tab has ranked
     * the trained model's samples.
     */
    void queryRetrieval();

    /** Whether the Clustering tab shows k-means on the trained model's codes. */
    ObservableBooleanValue clustered();

    /** Presses the Clustering tab's Cluster, with the k and restarts it shows. */
    void cluster();

    /** Whether the Probe tab shows the linear probe of the trained model. */
    ObservableBooleanValue probed();

    /** Presses the Probe tab's Run probe. */
    void runProbe();
}
