package org.aeworkbench.analysis.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.aeworkbench.analysis.ranking.DetectionSummary;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

/**
 * The one-class protocol of Ruff et al., "Deep One-Class Classification" (ICML 2018), section 4.1:
 * each class in turn is normal, a fresh model trains on that class's training samples only, and
 * the whole test set is scored, the other classes being the anomalies; the figure is the AUROC per
 * class and its mean over classes. Golan and El-Yaniv (NeurIPS 2018) report their baselines on
 * Fashion-MNIST under the same protocol.
 */
public final class OneClassProtocol {

    /**
     * One class as the normal one.
     *
     * @param label        the normal class
     * @param name         its name
     * @param trainSamples its training samples, all the model saw
     * @param testSamples  test samples scored
     * @param ae           the autoencoder's figures
     * @param pca          PCA's figures
     * @param seconds      wall time of training and scoring this class
     */
    public record ClassRun(int label, String name, int trainSamples, int testSamples, DetectionSummary ae,
                           DetectionSummary pca, double seconds) {
    }

    /** Means over classes of the per-class figures. */
    public record Mean(double aeAuroc, double aeAuprc, double pcaAuroc, double pcaAuprc) {
    }

    /** What a caller hears while the classes run. */
    public interface Progress {
        /** A class starts; {@code index} counts from 0 to {@code of - 1}. Returns the listener for its training. */
        default TrainingListener starting(int index, int of, String name) {
            return TrainingListener.NONE;
        }

        /** A class has been scored; {@code result} holds its per-sample scores, kept by nothing else. */
        default void finished(ClassRun run, AnomalyResult result) {
        }
    }

    /** The result, or how training stopped when a class's run did not complete. */
    public record Result(List<ClassRun> runs, Mean mean, TrainingResult stopped) {

        public Result {
            runs = List.copyOf(runs);
        }
    }

    private OneClassProtocol() {
    }

    /**
     * The classes the protocol runs over: those with samples in the training data, in label order.
     * Each is checked as {@link AnomalySplit#of} checks it (two training samples; test samples of it
     * and of others), so bad data is refused before the first class trains.
     *
     * @throws DataException when the data have no labels, or a class cannot be measured
     */
    public static List<AnomalySplit> splits(Dataset train, Dataset test) {
        if (!train.hasLabels() || !test.hasLabels()) {
            throw new DataException((train.hasLabels() ? test : train).name()
                    + ": no labels; the one-class protocol makes each class normal in turn, so it needs labelled training and test data");
        }
        boolean[] present = new boolean[train.classNames().size()];
        for (int l : train.labels()) {
            if (l < present.length) {
                present[l] = true;
            }
        }
        List<AnomalySplit> out = new ArrayList<>();
        for (int c = 0; c < present.length; c++) {
            if (present[c]) {
                out.add(AnomalySplit.of(train, test, NormalClasses.only(c, train.classNames())));
            }
        }
        if (out.size() < 2) {
            throw new DataException(train.name() + ": " + out.size() + " class with samples; the one-class protocol needs at least 2");
        }
        return out;
    }

    /**
     * Runs every class on the calling thread. A fresh model from {@code newModel} trains for each,
     * so every class starts from the same initial weights (the spec's seed).
     */
    public static Result run(List<AnomalySplit> splits, Supplier<Autoencoder> newModel, AnomalyScore score,
                             Compute compute, TrainingControl control, Progress progress) {
        List<ClassRun> runs = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            AnomalySplit split = splits.get(i);
            int label = split.normal().indices().get(0);
            String name = split.normal().classNames().get(label);
            TrainingListener listener = progress.starting(i, splits.size(), name);
            long start = System.nanoTime();
            Autoencoder model = newModel.get();
            AnomalyDetection.checkScore(model, score);
            TrainingResult training = AnomalyDetection.train(model, split, compute, control, listener);
            if (!completed(training)) {
                return new Result(runs, mean(runs), training);
            }
            AnomalyResult r = AnomalyDetection.score(model, split, score, compute);
            ClassRun run = new ClassRun(label, name, split.trainNormal().samples(), split.test().samples(),
                    r.ae().summary(), r.pca().summary(), (System.nanoTime() - start) / 1e9);
            runs.add(run);
            progress.finished(run, r);
        }
        return new Result(runs, mean(runs), null);
    }

    /** Whether a training run left a model worth scoring: it ran to the end or stopped early on its own. */
    public static boolean completed(TrainingResult r) {
        return r.status() == TrainingResult.Status.COMPLETED || r.status() == TrainingResult.Status.EARLY_STOPPED;
    }

    static Mean mean(List<ClassRun> runs) {
        double[] sums = new double[4];
        for (ClassRun r : runs) {
            sums[0] += r.ae().auroc();
            sums[1] += r.ae().averagePrecision();
            sums[2] += r.pca().auroc();
            sums[3] += r.pca().averagePrecision();
        }
        int n = runs.size();
        return n == 0 ? new Mean(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Mean(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n);
    }
}
