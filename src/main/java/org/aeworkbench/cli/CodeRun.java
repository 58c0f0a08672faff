package org.aeworkbench.cli;

import org.aeworkbench.analysis.AutoencoderCodec;
import java.io.IOException;
import java.util.Locale;
import org.aeworkbench.analysis.Codec;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.analysis.PcaBaseline;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

/**
 * What {@code retrieve}, {@code cluster} and {@code probe} share: the design trained on every
 * training sample (nothing held out for validation, as {@code compare}), then the codes of the
 * training and test samples, PCA of the same width fitted on the training samples, and the raw
 * inputs: the three representations the commands compare.
 *
 * @param run     the resolved design and its compute context (close it when done)
 * @param train   the training data (the database for retrieval), prepared (--scale)
 * @param test    the held-out data (the queries), possibly empty, prepared as the training data
 * @param result  how training ended
 * @param codes   the autoencoder's codes of both splits
 * @param pca     PCA's codes of both splits, the same width
 * @param raw     the inputs of both splits
 */
record CodeRun(ChosenRun run, Dataset train, Dataset test, TrainingResult result, Features codes, Features pca,
               Features raw) {

    /** The name the three commands give the autoencoder's row. */
    static final String AUTOENCODER = "autoencoder";

    /**
     * Splits and prepares the data (the scaling fitted on the training part, applied to both) and
     * builds the chosen design, without training it: what is refused is refused before training.
     *
     * @param held the held-out samples: loaded, a fraction of {@code raw} (seeded by --seed, else 42), or none
     */
    static ChosenRun prepare(Dataset raw, HeldOutOptions.HeldOut held, DataOptions data, ModelChoice choice,
                             Backend backend, java.util.function.UnaryOperator<ModelSpec> design) throws IOException {
        Dataset test = held.loaded() != null ? held.loaded() : held.fraction() > 0 ? null : raw.subset(new int[0], raw.name());
        long seed = choice.seed != null ? choice.seed : 42;
        return ChosenRun.forComparison(raw, test, held.fraction(), seed, data.where(), choice, data.scale(), backend, design);
    }

    /** Trains the prepared design, printing the preparation line, a header and one line per epoch. */
    static CodeRun train(ChosenRun run) {
        Dataset train = run.split().train();
        Dataset test = run.split().test();
        Compute compute = run.compute();
        System.out.println(run.preparation().line());
        System.out.printf(Locale.ROOT, "%s on %s: %,d training / %,d test samples, code size %d, BLAS: %s%n",
                run.spec().name(), train.name(), train.samples(), test.samples(), run.model().codeSize(),
                compute.description());
        TrainingResult result = SpecTraining.run(run.model(), compute, train.values(), train.samples(), train.labels(), null, 0,
                new TrainingControl(), new TrainingListener() {
                    @Override
                    public void onEpoch(EpochSnapshot s) {
                        System.out.println(RunJson.epochLine(s));
                    }
                });
        if (result.status() == TrainingResult.Status.DIVERGED) {
            compute.close();
            throw new UserError(result.message());
        }
        Codec ae = new AutoencoderCodec(run.model(), compute);
        Codec pca = Pca.fit(train.values(), train.samples(), train.features(), ae.codeSize(), false, compute.threads());
        return new CodeRun(run, train, test, result, encode(AUTOENCODER, ae, train, test), encode(PcaBaseline.METHOD, pca, train, test),
                Features.raw(train, test));
    }

    /** Codes of both splits; an empty test split has no codes. */
    private static Features encode(String method, Codec codec, Dataset train, Dataset test) {
        float[] testCodes = test.samples() == 0 ? new float[0] : codec.encode(test.values(), test.samples());
        return new Features(method, codec.codeSize(), codec.encode(train.values(), train.samples()), testCodes);
    }

    Compute compute() {
        return run.compute();
    }
}
