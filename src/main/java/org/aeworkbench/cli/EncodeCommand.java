package org.aeworkbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.VariationalSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code encode}: the codes of a trained model for every sample of some data, to NPY or CSV. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Write a trained model's codes of every sample (a VAE's posterior means, or with --sample",
            "codes drawn from its posterior), the data prepared as the model's training data was.",
            "NPY: float32 in C order, shape (samples, K). CSV: a header z1..zK (and label), one row per sample."})
public final class EncodeCommand implements Callable<Integer> {

    @Mixin
    ModelInputOptions input;

    @Option(names = "--out", required = true, paramLabel = "codes.npy|codes.csv", description = "Where to write the codes.")
    Path out;

    @Option(names = "--sample", description = "A VAE: draw z = mu + sigma * eps instead of taking the mean.")
    boolean sample;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of --sample's draws (default: the model's own seed).")
    Long seed;

    @Override
    public Integer call() throws Exception {
        ArrayOutput format = ArrayOutput.of(out, "--out");
        OutputPaths.requireWritableFile(out, "--out");
        ModelInputOptions.Applied a = input.load();
        Autoencoder model = a.model().model();
        if (sample && !model.spec().has(VariationalSpec.class)) {
            throw new BadUsage("--sample draws codes from a VAE's posterior, but " + input.model
                    + " is a deterministic autoencoder (" + model.spec().name() + "); leave --sample out");
        }
        a.printPreparation();
        Dataset data = a.prepared();
        int n = data.samples();
        int k = model.codeSize();
        float[] codes;
        try (Compute compute = Compute.create(Backend.AUTO, model.spec().training().threads())) {
            codes = sample ? model.sampleCodes(compute, data.values(), n, seed != null ? seed : model.spec().training().seed())
                    : model.encode(compute, data.values(), n);
        }
        format.write(out, codes, new int[] {n, k}, "z", data);
        System.out.printf(Locale.ROOT, "wrote %s: %,d codes of %d values (%s)%n", out, n, k,
                sample ? "sampled from the posterior" : model.spec().has(VariationalSpec.class) ? "posterior means" : "encoder outputs");
        return 0;
    }
}
