package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.retrieval.EuclideanRanker;
import org.aeworkbench.analysis.retrieval.RetrievalComparison;
import org.aeworkbench.analysis.retrieval.RetrievalEvaluation;
import org.aeworkbench.analysis.retrieval.RetrievalScores;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelSpecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code retrieve}: "find me samples like this one". The design is trained on the database
 * (--data); every query (--test-data) ranks the whole database, by Euclidean distance between
 * codes, between PCA codes of the same width and between raw inputs; a database item is relevant
 * when it shares the query's label.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = {"Train an autoencoder on the database (--data), rank the database for every query (--test-data)",
            "by code, by PCA code of the same width and by raw input, and report mAP over the full ranking and",
            "precision@100, relevance being a shared label."})
public final class RetrieveCommand implements Callable<Integer> {

    /** How many neighbours are listed per query when there are no labels to score them. */
    private static final int SHOWN_QUERIES = 3;
    private static final int SHOWN_NEIGHBOURS = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DB", description = "The database: training data (bundled name or file).")
    String data;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels for --data from a separate file.")
    Path labels;

    @Option(names = "--test-data", paramLabel = "QUERIES", description = "The queries (bundled name or file).")
    String testData;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "Labels for --test-data.")
    Path testLabels;

    @Mixin
    ModelChoice choice;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON: {\"ae\": {\"map\", \"precision_at_100\"}, \"pca\": {...}, \"raw\": {...}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (testData == null) {
            throw Applications.usage(spec, "retrieve needs --test-data QUERIES: the samples to look up in --data");
        }
        Dataset database = Loading.load(data, labels);
        Dataset queries = Applications.heldOut(testData, testLabels, database, data, "queries");
        CodeRun codes = CodeRun.train(database, queries, choice, Backend.parse(blas), s -> s);
        try (Compute compute = codes.compute()) {
            List<Features> methods = List.of(codes.codes(), codes.pca(), codes.raw());
            List<String> keys = List.of("ae", "pca", "raw");
            boolean labelled = database.hasLabels() && queries.hasLabels();
            List<RetrievalScores> scores = new ArrayList<>();
            if (labelled) {
                scores = RetrievalComparison.realValued(compute.gemm(), methods, database.labels(), queries.labels(),
                        RetrievalEvaluation.DEFAULT_K, compute.threads());
                printScores(scores, methods);
            } else {
                printNeighbours(compute, methods);
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
                    m.put("width", methods.get(i).width());
                    if (s != null) {
                        m.put("k", s.k());
                        m.put("seconds", s.seconds());
                    }
                }
                o.put("database", database.samples());
                o.put("queries", queries.samples());
                o.put("labelled", labelled);
                o.put("code_size", codes.codes().width());
                o.put("model", codes.run().spec().name());
                o.put("epochs", codes.result().history().size());
                System.out.println(RunJson.line(o));
            }
            return 0;
        }
    }

    private static void printScores(List<RetrievalScores> scores, List<Features> methods) {
        RetrievalScores first = scores.get(0);
        System.out.printf(Locale.ROOT, "%nretrieval: %,d queries against %,d database items%n", first.queries(),
                methods.get(0).trainSamples());
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

    private static void printNeighbours(Compute compute, List<Features> methods) {
        for (Features f : methods) {
            EuclideanRanker ranker = new EuclideanRanker(compute.gemm(), f.train(), f.trainSamples(), f.test(),
                    f.testSamples(), f.width());
            for (int q = 0; q < Math.min(SHOWN_QUERIES, f.testSamples()); q++) {
                System.out.println(f.method() + ", query " + q + ": nearest database rows "
                        + java.util.Arrays.toString(RetrievalComparison.nearest(ranker, q, SHOWN_NEIGHBOURS)));
            }
        }
    }
}
