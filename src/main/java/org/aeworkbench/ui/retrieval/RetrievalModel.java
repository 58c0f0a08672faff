package org.aeworkbench.ui.retrieval;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.aeworkbench.ui.codes.ClassesNeeded;
import org.aeworkbench.ui.codes.HeldOutCodes;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The Retrieval view's state: the overview (rankers and scores) of the trained model, the query
 * picked and its neighbours, and how many neighbours to show. Ranking runs in the background and
 * only while training is not running; a result for a model that has since been replaced is dropped.
 */
public final class RetrievalModel {

    /** Neighbours shown per method unless the user asks for another number. */
    public static final int DEFAULT_NEIGHBOURS = 10;

    private final WorkbenchModel wb;
    private final ModelCache cache = new ModelCache();
    private final ReadOnlyObjectWrapper<RetrievalOverview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<QueryResult> query = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper neighbours = new ReadOnlyIntegerWrapper(DEFAULT_NEIGHBOURS);
    private TrainedModel computing;
    private int queryTicket;

    public RetrievalModel(WorkbenchModel wb) {
        this.wb = wb;
        wb.training().modelProperty().addListener((obs, old, now) -> {
            if (now == null || old == null || now.lineage() != old.lineage()) {
                query.set(null);
            }
            overview.set(null);
        });
    }

    public ReadOnlyObjectProperty<RetrievalOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueryResult> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty neighboursProperty() {
        return neighbours.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Ranks and scores the trained model's held-out samples, unless done already or training runs. */
    public void refresh() {
        TrainingSession t = wb.training();
        TrainedModel model = t.model();
        if (model == null) {
            status.set("Train a model: its codes are then used to look up similar samples.");
            return;
        }
        if (t.state() == TrainingSession.State.RUNNING) {
            status.set("Retrieval is measured when training pauses or ends.");
            return;
        }
        RetrievalOverview shown = overview.get();
        if ((shown != null && shown.codes().model() == model) || computing == model) {
            return;
        }
        computing = model;
        status.set("Ranking the training samples for every held-out sample\u2026");
        var fit = wb.pca().fitted();
        Background.run("retrieval", () -> RetrievalOverview.compute(HeldOutCodes.compute(model, cache, wb.inference(), fit),
                wb.inference()), result -> {
                    if (computing == model) {
                        computing = null;
                    }
                    if (wb.training().model() != model) {
                        return; // replaced meanwhile: its own overview follows when shown
                    }
                    overview.set(result);
                    status.set(describe(result));
                    if (query.get() != null) {
                        query(query.get().query());
                    }
                }, msg -> {
                    computing = null;
                    status.set("Could not rank: " + msg);
                });
    }

    /** Looks up held-out sample {@code index} (an index among the held-out samples). */
    public void query(int index) {
        RetrievalOverview o = overview.get();
        if (o == null || index < 0 || index >= o.codes().heldOut().samples()) {
            return;
        }
        int ticket = ++queryTicket;
        int count = neighbours.get();
        Background.run("retrieval query", () -> o.query(index, count), r -> {
            if (ticket == queryTicket && overview.get() == o) {
                query.set(r);
            }
        }, msg -> status.set("Could not look up the sample: " + msg));
    }

    /** Shows {@code count} neighbours per method (1 to 50). */
    public void setNeighbours(int count) {
        int c = Math.max(1, Math.min(50, count));
        if (c != neighbours.get()) {
            neighbours.set(c);
            if (query.get() != null) {
                query(query.get().query());
            }
        }
    }

    private static String describe(RetrievalOverview o) {
        int queries = o.codes().heldOut().samples();
        int db = o.codes().train().samples();
        String base = String.format(java.util.Locale.ROOT, "%,d held-out samples as queries against %,d training samples.",
                queries, db);
        String names = ClassesNeeded.note(o.codes().model().data().all(), "precision and mAP have nothing to measure;"
                + " the neighbours are shown without them");
        return o.scores() != null ? base
                : names != null ? base + " " + names
                : base + " Precision and mAP need labels; the neighbours are shown without them.";
    }
}
