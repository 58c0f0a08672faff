package org.aeworkbench.ui.probe;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.aeworkbench.analysis.probe.ProbeComparison;
import org.aeworkbench.analysis.probe.ProbeResult;
import org.aeworkbench.ui.codes.ClassesNeeded;
import org.aeworkbench.ui.codes.HeldOutCodes;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The Probe view's state: a linear classifier's held-out accuracy on the codes, on PCA codes of
 * the same width and on the raw inputs, with 100, 1,000 and all training labels. Fitted in the
 * background when asked, and only while training is not running.
 */
public final class ProbeModel {

    /** What the probe says for labels that name each sample (see {@link ClassesNeeded}). */
    private static final String NO_CLASSES = "a classifier has no classes to learn; the probe needs classes of several samples each";

    /**
     * The probe of one model.
     *
     * @param codes   the representations probed
     * @param budgets the label budgets, 0 for all
     * @param results one per budget and method, budgets in the outer loop (autoencoder, PCA, raw)
     */
    public record Result(HeldOutCodes codes, int[] budgets, List<ProbeResult> results) {

        /** The result for budget index {@code b} and method index {@code m}. */
        public ProbeResult at(int b, int m) {
            return results.get(b * 3 + m);
        }
    }

    private final WorkbenchModel wb;
    private final ModelCache cache = new ModelCache();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int ticket;

    public ProbeModel(WorkbenchModel wb) {
        this.wb = wb;
        wb.training().modelProperty().addListener((obs, old, now) -> {
            ticket++;
            busy.set(false);
            result.set(null);
            String names = now == null ? null : ClassesNeeded.note(now.data().all(), NO_CLASSES);
            status.set(now == null ? "" : names != null ? names : "Press Run probe to fit the classifiers on the new model's codes.");
        });
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Fits the probes of the trained model with each label budget. */
    public void run() {
        TrainingSession t = wb.training();
        TrainedModel model = t.model();
        if (model == null) {
            status.set("Train a model first: the probe reads the classes from its codes.");
            return;
        }
        if (t.state() == TrainingSession.State.RUNNING) {
            status.set("The probe runs when training pauses or ends.");
            return;
        }
        if (!model.data().all().hasLabels()) {
            status.set("The probe is a classifier: it needs labelled data.");
            return;
        }
        if (model.data().all().labelsNameEachSample()) {
            status.set(ClassesNeeded.note(model.data().all(), NO_CLASSES));
            return;
        }
        int mine = ++ticket;
        busy.set(true);
        status.set("Fitting softmax regressions on the codes, the PCA codes and the raw inputs\u2026");
        var fit = wb.pca().fitted();
        long seed = model.weights().spec().training().seed();
        Background.run("linear probe", () -> {
            HeldOutCodes codes = HeldOutCodes.compute(model, cache, wb.inference(), fit);
            int n = codes.train().samples();
            int[] budgets = java.util.Arrays.stream(ProbeComparison.BUDGETS).filter(b -> b == 0 || b < n).toArray();
            List<ProbeResult> r = ProbeComparison.run(wb.inference().gemm(), List.of(codes.codes(), codes.pca(), codes.raw()),
                    codes.train().labels(), codes.heldOut().labels(), budgets, seed);
            return new Result(codes, budgets, r);
        }, r -> {
            if (mine != ticket) {
                return;
            }
            busy.set(false);
            result.set(r);
            status.set(String.format(java.util.Locale.ROOT, "Trained on labelled training samples, scored on the %,d"
                    + " held-out samples.", r.codes().heldOut().samples()));
        }, msg -> {
            if (mine == ticket) {
                busy.set(false);
                status.set("Could not fit the probe: " + msg);
            }
        });
    }
}
