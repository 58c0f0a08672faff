package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.cluster.ClusterAgreement;
import org.aeworkbench.analysis.cluster.ClusteringComparison;
import org.aeworkbench.analysis.cluster.DecSettings;
import org.aeworkbench.analysis.cluster.DeepEmbeddedClustering;
import org.aeworkbench.analysis.cluster.KMeans;
import org.aeworkbench.analysis.cluster.KMeansSettings;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cluster}: k-means on the codes, on PCA codes of the same width and on the raw inputs,
 * scored against the labels (ACC, NMI, ARI); with {@code --dec}, DEC fine-tuning as well.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Train an autoencoder on --data, then run k-means (k-means++, 10 seeded restarts) on its codes,",
            "on PCA codes of the same width and on the raw inputs of --test-data (or of --data without it),",
            "and score each against the labels: ACC (Hungarian matching), NMI (arithmetic mean) and ARI."})
public final class ClusterCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    HeldOutOptions heldOut;

    @Option(names = "--clusters", required = true, paramLabel = "K", description = "Number of clusters.")
    int clusters;

    @Option(names = "--dec", description = "Also fine-tune the encoder by DEC (Xie et al. 2016) on the training data.")
    boolean dec;

    @Option(names = "--dec-epochs", paramLabel = "N", description = "DEC epochs at most (default: ${DEFAULT-VALUE}; it stops"
            + " earlier once fewer than 0.1%% of the samples change cluster).")
    int decEpochs = 20;

    @Mixin
    ModelChoice choice;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON: {\"ae\": {\"acc\", \"nmi\", \"ari\"}, \"pca\", \"raw\", \"dec\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (clusters < 1) {
            throw Applications.usage(spec, "--clusters must be at least 1, got " + clusters);
        }
        if (decEpochs < 0) {
            throw Applications.usage(spec, "--dec-epochs must be 0 or more, got " + decEpochs);
        }
        Dataset raw = data.load(2);
        HeldOutOptions.HeldOut held = heldOut.resolve(raw, data.where());
        ChosenRun run = CodeRun.prepare(raw, held, data, choice, Backend.parse(blas), s -> s);
        boolean onTest = held.any();
        Dataset clustered = onTest ? run.split().test() : run.split().train();
        String where = onTest ? held.where() : "--data " + data.where();
        if (clusters > clustered.samples()) {
            run.compute().close();
            throw Applications.usage(spec, "--clusters " + clusters + " is more than the " + clustered.samples()
                    + " samples of " + where + "; choose at most " + clustered.samples());
        }
        if (dec && clusters > run.split().train().samples()) {
            run.compute().close();
            throw Applications.usage(spec, "--clusters " + clusters + " is more than the " + run.split().train().samples()
                    + " training samples DEC starts from; choose at most " + run.split().train().samples());
        }
        CodeRun codes = CodeRun.train(run);
        try (var compute = codes.compute()) {
            long seed = codes.run().spec().training().seed();
            List<ClusteringComparison.Input> inputs = new ArrayList<>();
            for (Features f : List.of(codes.codes(), codes.pca(), codes.raw())) {
                inputs.add(new ClusteringComparison.Input(f.method(), onTest ? f.test() : f.train(), f.width()));
            }
            int[] truth = clustered.labels();
            List<ClusteringComparison.Row> rows = new ArrayList<>(ClusteringComparison.run(compute.gemm(), inputs, truth,
                    KMeansSettings.of(clusters, seed)));
            if (dec) {
                rows.add(dec(codes, truth, seed, onTest));
            }
            System.out.printf(Locale.ROOT, "%nk-means, k = %d, on %,d samples of %s%n", clusters, clustered.samples(), where);
            System.out.printf(Locale.ROOT, "%-12s %6s %8s %8s %8s %14s %8s%n", "method", "width", "ACC", "NMI", "ARI",
                    "inertia", "seconds");
            int[] widths = {codes.codes().width(), codes.pca().width(), codes.raw().width(), codes.codes().width()};
            for (int i = 0; i < rows.size(); i++) {
                ClusteringComparison.Row r = rows.get(i);
                ClusterAgreement a = r.agreement();
                System.out.printf(Locale.ROOT, "%-12s %6d %8s %8s %8s %14s %8.1f%n", r.method(), widths[i],
                        a == null ? "-" : fmt(a.accuracy()), a == null ? "-" : fmt(a.nmi()), a == null ? "-" : fmt(a.ari()),
                        Double.isNaN(r.inertia()) ? "-" : String.format(Locale.ROOT, "%.1f", r.inertia()), r.seconds());
            }
            if (truth == null) {
                System.out.println("ACC, NMI and ARI need labels: give " + (onTest ? "--test-labels FILE" : "--labels FILE")
                        + " for the samples clustered; the clusters above are unscored");
            }
            if (json) {
                ObjectNode o = ModelSpecJson.mapper().createObjectNode();
                String[] keys = {"ae", "pca", "raw", "dec"};
                for (int i = 0; i < rows.size(); i++) {
                    ClusteringComparison.Row r = rows.get(i);
                    ObjectNode m = o.putObject(keys[i]);
                    ClusterAgreement a = r.agreement();
                    RunJson.putNumber(m, "acc", a == null ? Double.NaN : a.accuracy());
                    RunJson.putNumber(m, "nmi", a == null ? Double.NaN : a.nmi());
                    RunJson.putNumber(m, "ari", a == null ? Double.NaN : a.ari());
                    RunJson.putNumber(m, "inertia", r.inertia());
                    m.put("width", widths[i]);
                    var sizes = m.putArray("cluster_sizes");
                    for (int s : sizes(r.clusters(), clusters)) {
                        sizes.add(s);
                    }
                    m.put("seconds", r.seconds());
                }
                o.put("clusters", clusters);
                o.put("samples", clustered.samples());
                o.put("on", onTest ? "test" : "train");
                o.put("labelled", truth != null);
                o.put("code_size", codes.codes().width());
                o.put("model", codes.run().spec().name());
                o.put("epochs", codes.result().history().size());
                System.out.println(RunJson.line(o));
            }
            return 0;
        }
    }

    /** DEC from a copy of the trained model, fine-tuned on the training samples; scored where k-means was. */
    private ClusteringComparison.Row dec(CodeRun codes, int[] truth, long seed, boolean onTest) {
        long start = System.nanoTime();
        Autoencoder copy = codes.run().model().copy();
        Dataset train = codes.train();
        KMeans.checkInput(codes.codes().train(), train.samples(), codes.codes().width(), clusters);
        DeepEmbeddedClustering.Result r = DeepEmbeddedClustering.fit(copy, codes.compute(), train.values(), train.samples(),
                DecSettings.of(clusters, decEpochs, seed), () -> false,
                e -> System.out.printf(Locale.ROOT, "DEC epoch %d: KL %.5f%s%n", e.epoch(), e.divergence(),
                        Double.isNaN(e.changed()) ? "" : String.format(Locale.ROOT, ", %.2f%% changed cluster", 100 * e.changed())));
        int[] assigned = onTest ? r.assign(copy, codes.compute(), codes.test().values(), codes.test().samples()) : r.assignments();
        return new ClusteringComparison.Row("DEC", assigned, truth == null ? null : ClusterAgreement.of(assigned, truth),
                Double.NaN, (System.nanoTime() - start) / 1e9);
    }

    private static int[] sizes(int[] assignment, int k) {
        int[] s = new int[k];
        for (int a : assignment) {
            s[a]++;
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
