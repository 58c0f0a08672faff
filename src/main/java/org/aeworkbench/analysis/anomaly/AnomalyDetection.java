package org.aeworkbench.analysis.anomaly;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.analysis.ReconstructionError;
import org.aeworkbench.analysis.ranking.Auroc;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Labels;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

/**
 * Anomaly detection by reconstruction: train on normal samples only, then score held-out samples
 * by how badly they are reconstructed (Japkowicz, Myers and Gluck 1995; Sakurada and Yairi 2014),
 * beside PCA at the same code size fitted on the same normal samples, whose reconstruction error
 * is the classical linear detector (Jolliffe 2002, section 10.1). The window and the CLI both run
 * these two steps.
 */
public final class AnomalyDetection {

    public static final String AUTOENCODER = "autoencoder";
    public static final String PCA = "PCA";

    private AnomalyDetection() {
    }

    /**
     * Trains {@code model} as its spec says on the normal training samples, without a validation
     * split (every normal sample trains), on the calling thread.
     */
    public static TrainingResult train(Autoencoder model, AnomalySplit split, Compute compute, TrainingControl control,
                                       TrainingListener listener) {
        Dataset t = split.trainNormal();
        return SpecTraining.run(model, compute, t.values(), t.samples(), t.labels(), null, 0, control, listener);
    }

    /**
     * Refuses a score the model cannot give, before it trains: the ELBO needs a variational code.
     *
     * @throws IllegalArgumentException naming the design and what to use instead
     */
    public static void checkScore(Autoencoder model, AnomalyScore score) {
        if (score == AnomalyScore.ELBO && !model.spec().has(org.aeworkbench.engine.model.VariationalSpec.class)) {
            throw new IllegalArgumentException("--score elbo needs a variational design (a VAE); '"
                    + model.spec().name() + "' has no variational code: use --score recon or a VAE preset");
        }
    }

    /**
     * Scores the test samples with the trained model and with PCA fitted now on the normal
     * training samples at the model's code size (at most the number of normal samples).
     *
     * @throws IllegalArgumentException when {@code score} is the ELBO and the model is not a VAE
     */
    public static AnomalyResult score(Autoencoder model, AnomalySplit split, AnomalyScore score, Compute compute) {
        Dataset test = split.test();
        int n = test.samples();
        int d = test.features();
        float[] aeRecon = model.reconstruct(compute, test.values(), n);
        checkScore(model, score);
        double[] aeScores;
        if (score == AnomalyScore.ELBO) {
            aeScores = model.sampleLosses(compute, test.values(), n).negativeElbo();
        } else {
            aeScores = ReconstructionError.perSample(test.values(), aeRecon, n, d);
        }
        Dataset normal = split.trainNormal();
        int k = Math.min(model.codeSize(), Math.min(normal.samples(), d));
        Pca pca = Pca.fit(normal.values(), normal.samples(), d, k);
        float[] pcaRecon = pca.reconstruct(test.values(), n);
        double[] pcaScores = ReconstructionError.perSample(test.values(), pcaRecon, n, d);
        DetectorScores ae = DetectorScores.of(AUTOENCODER, aeScores, aeRecon, split.anomalous());
        DetectorScores p = DetectorScores.of(PCA, pcaScores, pcaRecon, split.anomalous());
        return new AnomalyResult(split, score, ae, p, k, perClass(split, ae, p));
    }

    /** Per class present in the labelled test set: mean scores, and AUROC against the normal test samples. */
    static List<ClassScores> perClass(AnomalySplit split, DetectorScores ae, DetectorScores pca) {
        Dataset test = split.test();
        List<ClassScores> rows = new ArrayList<>();
        if (!test.hasLabels()) {
            return rows;
        }
        int[] labels = test.labels();
        int classes = test.classNames().size();
        int[] counts = Labels.counts(labels, Math.max(classes, maxLabel(labels) + 1));
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            boolean isNormal = split.normal().isNormal(c);
            boolean[] inClass = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                inClass[i] = labels[i] == c;
            }
            String name = c < classes ? test.classNames().get(c) : Integer.toString(c);
            rows.add(new ClassScores(c, name, isNormal, counts[c], ae.meanScore(inClass),
                    isNormal ? Double.NaN : classAuroc(ae.scores(), labels, c, split.normal()),
                    pca.meanScore(inClass), isNormal ? Double.NaN : classAuroc(pca.scores(), labels, c, split.normal())));
        }
        return rows;
    }

    /** AUROC of class c's samples (positives) against the normal samples (negatives); other anomalies left out. */
    private static double classAuroc(double[] scores, int[] labels, int c, NormalClasses normal) {
        int m = 0;
        for (int l : labels) {
            m += l == c || normal.isNormal(l) ? 1 : 0;
        }
        double[] s = new double[m];
        boolean[] positive = new boolean[m];
        for (int i = 0, k = 0; i < labels.length; i++) {
            if (labels[i] == c || normal.isNormal(labels[i])) {
                s[k] = scores[i];
                positive[k++] = labels[i] == c;
            }
        }
        return Auroc.of(s, positive);
    }

    private static int maxLabel(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max;
    }
}
