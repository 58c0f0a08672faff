package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.retrieval.BinaryCodes;
import org.aeworkbench.analysis.retrieval.RetrievalComparison;
import org.aeworkbench.analysis.retrieval.RetrievalComparison.HashedSplit;
import org.aeworkbench.analysis.retrieval.RetrievalComparison.Method;
import org.aeworkbench.analysis.retrieval.RetrievalEvaluation;
import org.aeworkbench.analysis.retrieval.RetrievalScores;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.BinaryCodeSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.variant.NoisySigmoidCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code retrieve}: "find me samples like this one". The design is trained on the database
 * (--data); every query (--test-data) ranks the whole database. With real codes the ranking is by
 * Euclidean distance between codes, between PCA codes of the same width and between raw inputs;
 * with {@code --bits B} the code is binary (semantic hashing) and the ranking is by Hamming
 * distance, against PCAH, LSH and ITQ at B bits. A database item is relevant when it shares the
 * query's label.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = {"Train an autoencoder on the database (--data), rank the database for every query (--test-data),",
            "and report mAP over the full ranking and precision@100, relevance being a shared label.",
            "With --code-size K: by Euclidean distance between codes, PCA codes of width K and raw inputs.",
            "With --bits B: a binary code of B bits (semantic hashing) by Hamming distance, against PCAH, LSH and ITQ."})
public final class RetrieveCommand implements Callable<Integer> {

    /** How many neighbours are listed per query when there are no labels to score them. */
    private static final int SHOWN_QUERIES = 3;
    private static final int SHOWN_NEIGHBOURS = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    HeldOutOptions heldOut;

    @Option(names = "--bits", paramLabel = "B", description = "Learn a binary code of B bits (1 to 64) and retrieve by"
            + " Hamming distance, against PCAH, LSH and ITQ at B bits. Instead of --code-size.")
    Integer bits;

    @Option(names = "--code-noise", paramLabel = "S", description = "With --bits: standard deviation of the noise on the"
            + " code's input while training (default: ${DEFAULT-VALUE}, Salakhutdinov and Hinton's).")
    double codeNoise = BinaryCodeSpec.DEFAULT_NOISE;

    @Mixin
    ModelChoice choice;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON: {\"ae\": {\"map\", \"precision_at_100\"}, \"pca\": {...},"
            + " then \"raw\" with --code-size or \"lsh\" and \"itq\" with --bits}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (bits != null) {
            if (bits < 1 || bits > BinaryCodes.MAX_BITS) {
                throw Applications.usage(spec, "--bits must be between 1 and " + BinaryCodes.MAX_BITS + " (one word per"
                        + " code), got " + bits);
            }
            if (choice.codeSize != null) {
                throw Applications.usage(spec, "give either --code-size (real codes) or --bits (a binary code), not both");
            }
        }
        if (!(codeNoise >= 0) || Double.isInfinite(codeNoise)) {
            throw Applications.usage(spec, "--code-noise must be a finite standard deviation of 0 or more, got " + codeNoise);
        }
        if (bits == null && spec.commandLine().getParseResult().hasMatchedOption("--code-noise")) {
            throw Applications.usage(spec, "--code-noise is the noise on binary codes: give it with --bits");
        }
        Dataset rawDatabase = data.load(2);
        HeldOutOptions.HeldOut held = heldOut.resolve(rawDatabase, data.where());
        if (!held.any()) {
            throw Applications.usage(spec, "retrieve needs queries: --test-data QUERIES, or --test-fraction F to hold out"
                    + " a share of --data");
        }
        CodeRun codes = CodeRun.train(CodeRun.prepare(rawDatabase, held, data, choice, Backend.parse(blas), this::design));
        Dataset database = codes.train();
        Dataset queries = codes.test();
        try (Compute compute = codes.compute()) {
            List<Method> methods;
            List<String> keys;
            if (bits == null) {
                methods = RetrievalComparison.realValued(compute.gemm(), List.of(codes.codes(), codes.pca(), codes.raw()));
                keys = List.of("ae", "pca", "raw");
            } else {
                List<HashedSplit> hashed = new ArrayList<>();
                hashed.add(binarised(codes.codes()));
                hashed.addAll(RetrievalComparison.baselines(compute.gemm(), database.values(), database.samples(),
                        queries.values(), queries.samples(), database.features(), bits, codes.run().spec().training().seed(),
                        true, compute.threads()));
                methods = RetrievalComparison.hashed(hashed);
                keys = List.of("ae", "pca", "lsh", "itq");
                System.out.println("bits on per unit of the autoencoder's code over the database: "
                        + balance(hashed.get(0).database()));
            }
            boolean labelled = database.hasLabels() && queries.hasLabels();
            List<RetrievalScores> scores = List.of();
            if (labelled) {
                scores = RetrievalComparison.score(methods, database.labels(), queries.labels(),
                        RetrievalEvaluation.DEFAULT_K, compute.threads());
                printScores(scores, methods, database.samples());
            } else {
                for (Method m : methods) {
                    for (int q = 0; q < Math.min(SHOWN_QUERIES, queries.samples()); q++) {
                        System.out.println(m.name() + ", query " + q + ": nearest database rows (from 0) "
                                + Arrays.toString(RetrievalComparison.nearest(m.ranker(), q, SHOWN_NEIGHBOURS)));
                    }
                }
                System.out.println("mAP and precision@100 need labels for the database and the queries: give "
                        + (database.hasLabels() ? "--test-labels FILE" : queries.hasLabels() ? "--labels FILE"
                        : "--labels FILE and --test-labels FILE"));
            }
            if (json) {
                ObjectNode o = ModelSpecJson.mapper().createObjectNode();
                for (int i = 0; i < methods.size(); i++) {
                    ObjectNode m = o.putObject(keys.get(i));
                    RetrievalScores s = labelled ? scores.get(i) : null;
                    RunJson.putNumber(m, "map", s == null ? Double.NaN : s.meanAveragePrecision());
                    RunJson.putNumber(m, "precision_at_100", s == null ? Double.NaN : s.precisionAtK());
                    m.put("method", methods.get(i).name());
                    m.put(bits == null ? "width" : "bits", methods.get(i).width());
                    if (s != null) {
                        m.put("k", s.k());
                        m.put("seconds", s.seconds());
                    }
                }
                o.put("database", database.samples());
                o.put("queries", queries.samples());
                o.put("labelled", labelled);
                o.put(bits == null ? "code_size" : "bits", codes.codes().width());
                o.put("model", codes.run().spec().name());
                o.put("epochs", codes.result().history().size());
                System.out.println(RunJson.line(o));
            }
            return 0;
        }
    }

    /** With --bits, the chosen design with a binary code of that many units. */
    private ModelSpec design(ModelSpec chosen) {
        return bits == null ? chosen : chosen.withCodeSize(bits).with(new BinaryCodeSpec(codeNoise));
    }

    /** The autoencoder's sigmoid codes as bits: value above 0.5. */
    private static HashedSplit binarised(Features f) {
        return new HashedSplit(f.method(), BinaryCodes.above(f.train(), f.trainSamples(), f.width(), NoisySigmoidCode.THRESHOLD),
                BinaryCodes.above(f.test(), f.testSamples(), f.width(), NoisySigmoidCode.THRESHOLD));
    }

    private static String balance(BinaryCodes codes) {
        StringBuilder b = new StringBuilder();
        for (double on : codes.bitBalance()) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", on));
        }
        return b.toString();
    }

    private static void printScores(List<RetrievalScores> scores, List<Method> methods, int databaseSize) {
        RetrievalScores first = scores.get(0);
        System.out.printf(Locale.ROOT, "%nretrieval: %,d queries against %,d database items%n", first.queries(), databaseSize);
        System.out.printf(Locale.ROOT, "%-12s %6s %8s %8s %8s%n", "method", "width", "mAP", "P@" + first.k(), "seconds");
        for (int i = 0; i < scores.size(); i++) {
            RetrievalScores s = scores.get(i);
            System.out.printf(Locale.ROOT, "%-12s %6d %8.4f %8.4f %8.1f%n", s.method(), methods.get(i).width(),
                    s.meanAveragePrecision(), s.precisionAtK(), s.seconds());
        }
        if (first.queriesWithoutRelevant() > 0) {
            System.out.println("(" + first.queriesWithoutRelevant() + " queries have a label the database lacks and are"
                    + " left out of the means)");
        }
    }
}
