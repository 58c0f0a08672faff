package org.aeworkbench.ui.clustering;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.aeworkbench.analysis.cluster.ClusterAgreement;
import org.aeworkbench.analysis.cluster.ClusteringComparison;
import org.aeworkbench.analysis.cluster.DecSettings;
import org.aeworkbench.analysis.cluster.DeepEmbeddedClustering;
import org.aeworkbench.analysis.cluster.KMeans;
import org.aeworkbench.analysis.cluster.KMeansSettings;
import org.aeworkbench.analysis.cluster.StudentTAssignment;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.ui.codes.ClassesNeeded;
import org.aeworkbench.ui.codes.HeldOutCodes;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The Clustering view's state: k-means on the held-out samples in three representations, DEC's
 * refinement and its epochs, what the scatter is coloured by, and a status line. Clustering and DEC
 * run in the background and only while training is not running; results for a model that has been
 * replaced are dropped, and a DEC run stops when its model is replaced.
 */
public final class ClusteringModel {

    /** What colours the points of the scatter. */
    public enum Colouring { CLUSTERS, LABELS }

    /** Restarts of k-means unless the user asks for another number (scikit-learn's n_init). */
    public static final int DEFAULT_RESTARTS = 10;
    /** DEC epochs unless the user asks for another number. */
    public static final int DEFAULT_DEC_EPOCHS = 10;

    private final WorkbenchModel wb;
    private final ModelCache cache = new ModelCache();
    private final ReadOnlyObjectWrapper<ClusteringResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DecFrame> decFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Colouring> colouring = new ReadOnlyObjectWrapper<>(Colouring.CLUSTERS);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private AtomicBoolean decCancel = new AtomicBoolean();
    private int ticket;

    public ClusteringModel(WorkbenchModel wb) {
        this.wb = wb;
        wb.training().modelProperty().addListener((obs, old, now) -> {
            decCancel.set(true);
            ticket++;
            busy.set(false);
            result.set(null);
            decFrame.set(null);
            String names = now == null ? null : ClassesNeeded.note(now.data().all(),
                    "ACC, NMI and ARI have nothing to measure and clusters have no classes to be compared with");
            status.set(now == null ? "" : names != null ? names : "Press Cluster to run k-means on the new model's codes.");
        });
    }

    public ReadOnlyObjectProperty<ClusteringResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** DEC's newest epoch while it refines, then its last; null before DEC runs. */
    public ReadOnlyObjectProperty<DecFrame> decFrameProperty() {
        return decFrame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Colouring> colouringProperty() {
        return colouring.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether k-means or DEC is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Colours the scatter by cluster or by label. */
    public void colourBy(Colouring c) {
        colouring.set(c);
    }

    /** Runs k-means with k clusters and {@code restarts} seeded k-means++ starts on the held-out samples. */
    public void cluster(int k, int restarts) {
        TrainedModel model = readyModel();
        if (model == null) {
            return;
        }
        long seed = model.weights().spec().training().seed();
        KMeansSettings settings;
        try {
            settings = new KMeansSettings(k, restarts, 300, 1e-4, seed);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        int mine = ++ticket;
        decCancel.set(true);
        busy.set(true);
        decFrame.set(null);
        status.set("Running k-means (" + restarts + " restarts) on the codes, the PCA codes and the raw inputs\u2026");
        var fit = wb.pca().fitted();
        Background.run("k-means", () -> {
            HeldOutCodes codes = HeldOutCodes.compute(model, cache, wb.inference(), fit);
            KMeans.checkInput(codes.codes().test(), codes.heldOut().samples(), codes.codes().width(), k);
            return ClusteringResult.compute(codes, settings, wb.inference().gemm());
        }, r -> {
            if (mine != ticket) {
                return;
            }
            busy.set(false);
            result.set(r);
            status.set(String.format(java.util.Locale.ROOT, "k-means, k = %d, on the %,d held-out samples.%s", k,
                    r.codes().heldOut().samples(), r.codes().labelled() ? "" : r.codes().model().data().all().labelsNameEachSample()
                            ? " ACC, NMI and ARI need classes: these labels name the samples." : " ACC, NMI and ARI need labels."));
        }, msg -> {
            if (mine == ticket) {
                busy.set(false);
                status.set("Could not cluster: " + msg);
            }
        });
    }

    /**
     * Refines the autoencoder's clustering by DEC: fine-tunes a copy of the encoder on the training
     * samples for at most {@code epochs} epochs, showing the held-out codes after each.
     */
    public void refineWithDec(int epochs) {
        ClusteringResult r = result.get();
        TrainedModel model = readyModel();
        if (r == null || model == null || r.codes().model() != model) {
            status.set("Run k-means first: DEC starts from the clusters of the codes.");
            return;
        }
        int mine = ++ticket;
        AtomicBoolean cancel = new AtomicBoolean();
        decCancel = cancel;
        busy.set(true);
        status.set("DEC: fine-tuning the encoder on the training samples\u2026");
        HeldOutCodes codes = r.codes();
        int k = r.settings().clusters();
        DecSettings settings = DecSettings.of(k, epochs, r.settings().seed());
        Background.run("DEC", () -> {
            long start = System.nanoTime();
            Autoencoder copy = cache.with(model.weights(), Autoencoder::copy);
            Dataset train = codes.train();
            Dataset held = codes.heldOut();
            DeepEmbeddedClustering.Result dec = DeepEmbeddedClustering.fit(copy, wb.inference(), train.values(),
                    train.samples(), settings, cancel::get, e -> {
                        float[] z = copy.encode(wb.inference(), held.values(), held.samples());
                        int[] clusters = StudentTAssignment.hardAssignments(StudentTAssignment.soft(z, held.samples(),
                                e.width(), e.centres(), k, StudentTAssignment.ALPHA), held.samples(), k);
                        DecFrame frame = new DecFrame(e.epoch(), r.frame().apply(z), clusters, e.changed());
                        Background.onFx(() -> {
                            if (mine == ticket) {
                                decFrame.set(frame);
                                status.set(String.format(java.util.Locale.ROOT, "DEC epoch %d of at most %d%s", e.epoch(),
                                        epochs, Double.isNaN(e.changed()) ? ""
                                                : String.format(java.util.Locale.ROOT, ": %.2f%% of the training samples changed cluster",
                                                        100 * e.changed())));
                            }
                        });
                    });
            int[] assigned = dec.assign(copy, wb.inference(), held.values(), held.samples());
            return new ClusteringComparison.Row("DEC", assigned, held.hasLabels() ? ClusterAgreement.of(assigned,
                    held.labels()) : null, Double.NaN, (System.nanoTime() - start) / 1e9);
        }, row -> {
            if (mine != ticket) {
                return;
            }
            busy.set(false);
            result.set(r.withDec(row));
            DecFrame last = decFrame.get();
            status.set("DEC done" + (last == null ? "" : " after " + last.epoch() + " epochs") + ".");
        }, msg -> {
            if (mine == ticket) {
                busy.set(false);
                status.set("DEC failed: " + msg);
            }
        });
    }

    /** Stops a DEC run after its current step. */
    public void stopDec() {
        decCancel.set(true);
    }

    private TrainedModel readyModel() {
        TrainingSession t = wb.training();
        if (t.model() == null) {
            status.set("Train a model first: its codes are what is clustered.");
            return null;
        }
        if (t.state() == TrainingSession.State.RUNNING) {
            status.set("Clustering runs when training pauses or ends.");
            return null;
        }
        return t.model();
    }
}
