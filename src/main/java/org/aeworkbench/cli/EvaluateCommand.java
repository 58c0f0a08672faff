package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aeworkbench.analysis.ReconstructionError;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelSpecJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: a trained model's loss on any data, per sample, as training reports its
 * validation loss (the same pass: {@link Autoencoder#evaluate}), with the preparation the model
 * file records.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure a trained model on data: its loss per sample as training reports it (for a VAE the",
            "negative ELBO in nats, with its reconstruction and KL terms; penalties listed apart) and the",
            "reconstruction error, with the data prepared as the model's training data was."})
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelInputOptions input;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of a VAE's sampled codes (default: the model's own seed, as its validation pass used).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Compute threads (default: the model's setting).")
    Integer threads;

    @Option(names = "--json", description = "End with one line of JSON: samples, loss, terms, recon_error, bce_per_feature, scaling.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            BadUsage.requireThreads(threads);
        }
        ModelInputOptions.Applied a = input.load();
        Autoencoder model = a.model().model();
        Dataset data = a.prepared();
        int n = data.samples();
        long noiseSeed = seed != null ? seed : model.spec().training().seed();
        a.printPreparation();
        try (Compute compute = Compute.create(Backend.AUTO, threads != null ? threads : model.spec().training().threads())) {
            Autoencoder.Evaluation ev = model.evaluate(compute, data.values(), n, 0, noiseSeed);
            LossTerms loss = ev.loss();
            boolean vae = model.spec().has(VariationalSpec.class);
            boolean bce = model.loss() == ReconstructionLoss.BCE;
            System.out.printf(Locale.ROOT, "%s on %s: %,d samples of %s%n", model.spec().name(), a.where(), n,
                    data.sampleShape());
            System.out.printf(Locale.ROOT, "loss %.4f per sample%s%s%n", loss.total(), terms(loss),
                    vae ? String.format(Locale.ROOT, ": negative ELBO in nats, one sampled code per sample (seed %d)", noiseSeed) : "");
            System.out.printf(Locale.ROOT, "recon_error %.4f (mean over samples of the summed squared error)%n", ev.reconError());
            double bcePerFeature = loss.reconstruction() / data.features();
            if (bce) {
                System.out.printf(Locale.ROOT, "bce_per_feature %.5f%n", bcePerFeature);
            }
            ObjectNode o = ModelSpecJson.mapper().createObjectNode();
            o.put("model", model.spec().name());
            o.put("data", a.where());
            o.put("samples", n);
            o.put("loss", loss.total());
            ObjectNode t = o.putObject("terms");
            t.put("reconstruction", loss.reconstruction());
            loss.penalties().forEach(t::put);
            o.put("recon_error", ev.reconError());
            if (bce) {
                o.put("bce_per_feature", bcePerFeature);
            }
            if (vae) {
                o.put("noise_seed", noiseSeed);
            }
            RunJson.putScaling(o, a.model().preparation());
            if (data.hasLabels()) {
                float[] recon = model.reconstruct(compute, data.values(), n);
                double[] perClass = ReconstructionError.meanByClass(
                        ReconstructionError.perSample(data.values(), recon, n, data.features()), data.labels(),
                        data.classNames().size());
                ObjectNode byClass = o.putObject("recon_error_per_class");
                StringBuilder line = new StringBuilder("recon_error per class:");
                for (int c = 0; c < perClass.length; c++) {
                    String name = data.classNames().get(c);
                    if (!Double.isNaN(perClass[c])) {
                        byClass.put(name, perClass[c]);
                        line.append(String.format(Locale.ROOT, "%s %s %.3f", c == 0 ? "" : ",", name, perClass[c]));
                    }
                }
                System.out.println(line);
            }
            if (json) {
                System.out.println(ModelSpecJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
            }
            return 0;
        }
    }

    private static String terms(LossTerms loss) {
        if (loss.penalties().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, " (reconstruction %.4f", loss.reconstruction()));
        for (Map.Entry<String, Double> e : loss.penalties().entrySet()) {
            b.append(String.format(Locale.ROOT, ", %s %.4f", e.getKey(), e.getValue()));
        }
        return b.append(')').toString();
    }
}
