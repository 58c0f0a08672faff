package org.aeworkbench.ui.codes;

import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.analysis.PcaBaseline;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.BinaryCodeSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.ModelCache;
import org.aeworkbench.ui.run.TrainedModel;

/**
 * What the Retrieval, Clustering and Probe views start from: a trained model's split of its data
 * into the training samples (the database, what a classifier learns from) and the held-out
 * validation samples (the queries, what is clustered and scored), each in three representations:
 * the autoencoder's codes, PCA codes of the same width fitted on the training samples, and the
 * raw inputs. The same split the training run used, so no held-out sample was trained on.
 *
 * @param model   the trained model these codes come from
 * @param train   the training samples
 * @param heldOut the validation samples
 * @param trainRows   rows of the training samples in the full data set
 * @param heldOutRows rows of the held-out samples in the full data set
 * @param codes   the autoencoder's codes
 * @param pca     PCA codes of the same width
 * @param raw     the inputs
 * @param binary  whether the code is a binary code (semantic hashing)
 */
public record HeldOutCodes(TrainedModel model, Dataset train, Dataset heldOut, int[] trainRows, int[] heldOutRows,
                           Features codes, Features pca, Features raw, boolean binary) {

    /**
     * Encodes both parts (call off the FX thread).
     *
     * @param fit the window's PCA fit, used when it is of this data and wide enough; else PCA is fitted here
     * @throws IllegalArgumentException when the run held nothing out (a validation fraction of 0)
     */
    public static HeldOutCodes compute(TrainedModel model, ModelCache cache, Compute compute, PcaModel.Fitted fit) {
        PreparedData data = model.data();
        TrainingSpec t = model.weights().spec().training();
        PreparedData.TrainSplit split = data.split(t.validationFraction(), t.seed());
        Dataset train = split.train();
        Dataset held = split.validation();
        if (held.samples() == 0) {
            throw new IllegalArgumentException("the run held no samples out: set a validation fraction above 0 in the"
                    + " training settings and train again");
        }
        float[][] codes = cache.with(model.weights(), m -> new float[][] {
            m.encode(compute, train.values(), train.samples()), m.encode(compute, held.values(), held.samples())});
        int k = model.weights().codeSize();
        Pca pca = fit != null && fit.data() == data && fit.pca().codeSize() >= k ? fit.pca()
                : Pca.fit(train.values(), train.samples(), train.features(), Math.min(k, Math.min(train.samples(), train.features())));
        int kp = Math.min(k, pca.codeSize());
        float[] pcaTrain = PcaModel.firstColumns(pca.transform(train.values(), train.samples()), train.samples(), pca.codeSize(), kp);
        float[] pcaHeld = PcaModel.firstColumns(pca.transform(held.values(), held.samples()), held.samples(), pca.codeSize(), kp);
        return new HeldOutCodes(model, train, held, split.trainIndices(), split.validationIndices(), new Features("autoencoder", k, codes[0], codes[1]),
                new Features(PcaBaseline.METHOD, kp, pcaTrain, pcaHeld), Features.raw(train, held),
                model.weights().spec().has(BinaryCodeSpec.class));
    }

    /** Whether the samples carry labels that form classes, which every score here needs. */
    public boolean labelled() {
        return train.hasLabels() && heldOut.hasLabels() && !model.data().all().labelsNameEachSample();
    }
}
