package org.aeworkbench.cli.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.train.EpochProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: times the engine's workloads; {@code bench fidelity} reruns the literature's results. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the engine on the benchmark workloads (one epoch of each reference design over 60,000 samples,"
            + " PCA on 60,000 x 784, GEMM).", "bench/compare runs the same workloads in PyTorch and prints the ratios."},
        subcommands = {FidelityCommand.class})
public final class BenchCommand implements Callable<Integer> {

    /**
     * Float32 peak of the 2-core machine the README's figures come from: 425 GFLOP/s measured by
     * bench/pytorch/peak_fma.c (independent AVX-512 FMAs on both cores; see bench/README.md).
     * bench/compare passes the value it measures with --peak-gflops.
     */
    static final double DEFAULT_PEAK_GFLOPS = 425;

    @Option(names = "--quick", description = "One timed run on 6,000 samples: a smoke test, not a measurement.")
    boolean quick;

    @Option(names = "--json", description = "End with one line of JSON in the schema of bench/pytorch.")
    boolean json;

    @Option(names = "--threads", paramLabel = "T", description = "Compute threads (default: all cores).")
    int threads;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Run only these workloads (comma-separated).")
    List<String> only;

    @Option(names = "--peak-gflops", paramLabel = "X", description = "The machine's float32 peak, for peak_fraction (default: ${DEFAULT-VALUE}).")
    double peakGflops = DEFAULT_PEAK_GFLOPS;

    @Option(names = "--data", paramLabel = "FILE", description = "28 x 28 images (IDX, NPY) to train on instead of the"
            + " bundled MNIST 10k, e.g. Fashion-MNIST's train-images-idx3-ubyte.gz: the first 60,000 rows, tiled if fewer;"
            + " bytes are divided by 255.")
    String data;

    @Option(names = "--profile", description = "Instead of timing, profile one epoch of each training workload:"
            + " the shares of GEMM, element-wise work, optimiser, shuffling and evaluation.")
    boolean profile;

    @Override
    public Integer call() throws Exception {
        org.aeworkbench.cli.BadUsage.requireThreads(threads);
        if (!(peakGflops > 0) || Double.isInfinite(peakGflops)) {
            throw new org.aeworkbench.cli.BadUsage("--peak-gflops must be a positive number (the machine's float32"
                    + " peak in GFLOP/s), got " + peakGflops);
        }
        Backend backend = Backend.parse(blas);
        SpeedWorkloads workloads = new SpeedWorkloads(quick, threads, backend, peakGflops, data);
        if (profile) {
            return profile(workloads);
        }
        List<String> names = only == null || only.isEmpty() ? workloads.names() : only;
        String backendName;
        int usedThreads;
        try (Compute c = Compute.create(backend, threads)) {
            backendName = c.description();
            usedThreads = c.threads();
        }
        System.out.printf(Locale.ROOT, "BLAS: %s; %,d samples per epoch%s%n", backendName, workloads.samples(),
                quick ? " (quick: not a measurement)" : "");
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %12s %9s %6s %8s%n", "workload", "median s", "min s", "max s",
                "samples/s", "GFLOP/s", "peak", "heap MB");
        List<WorkloadResult> results = new ArrayList<>();
        for (String name : names) {
            WorkloadResult r = workloads.run(name);
            results.add(r);
            if (Double.isNaN(r.secondsMedian())) {
                System.out.printf(Locale.ROOT, "%-22s %s%n", name, r.note());
            } else {
                System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %,12.0f %9.1f %5.0f%% %8.0f%n", name, r.secondsMedian(),
                        r.secondsMin(), r.secondsMax(), r.samplesPerSecond(), r.gflops(), 100 * r.peakFraction(), r.peakMemoryMb());
            }
        }
        if (json) {
            System.out.println(toJson(backendName, usedThreads, results));
        }
        return 0;
    }

    private Integer profile(SpeedWorkloads workloads) throws Exception {
        List<String> names = only == null || only.isEmpty() ? workloads.trainingNames() : only;
        System.out.printf(Locale.ROOT, "Profile of one epoch (after one warm-up epoch), %,d samples split 9:1 into training"
                + " and validation%s%n", workloads.samples(), quick ? " (quick: not a measurement)" : "");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s %8s", "workload", "epoch s"));
        for (String phase : EpochProfile.PHASES) {
            header.append(String.format(Locale.ROOT, " %11s", phase));
        }
        System.out.println(header);
        ObjectNode o = ModelSpecJson.mapper().createObjectNode();
        ArrayNode list = o.putArray("profiles");
        for (String name : names) {
            EpochProfileResult r = workloads.profile(name);
            o.put("blas", r.blas());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s %8.3f", name, r.seconds()));
            ObjectNode w = list.addObject();
            w.put("name", name);
            w.put("train_samples", r.trainSamples());
            w.put("validation_samples", r.validationSamples());
            w.put("seconds", r.seconds());
            ObjectNode shares = w.putObject("shares");
            ObjectNode seconds = w.putObject("phase_seconds");
            for (int i = 0; i < EpochProfile.PHASES.length; i++) {
                line.append(String.format(Locale.ROOT, " %6.3f %3.0f%%", r.nanos()[i] / 1e9, 100 * r.share(i)));
                shares.put(EpochProfile.PHASES[i], r.share(i));
                seconds.put(EpochProfile.PHASES[i], r.nanos()[i] / 1e9);
            }
            System.out.println(line);
        }
        System.out.println("(seconds and share of the epoch per phase; gemm: matrix products of the training steps;"
                + " evaluation: the validation pass, its products included)");
        if (json) {
            System.out.println(ModelSpecJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        }
        return 0;
    }

    static String toJson(String blas, int threads, List<WorkloadResult> results) throws Exception {
        ObjectNode o = ModelSpecJson.mapper().createObjectNode();
        o.put("blas", blas);
        o.put("threads", threads);
        ArrayNode list = o.putArray("workloads");
        for (WorkloadResult r : results) {
            ObjectNode w = list.addObject();
            w.put("name", r.name());
            if (Double.isNaN(r.secondsMedian())) {
                w.putNull("seconds_median");
                w.put("note", r.note());
                continue;
            }
            w.put("seconds_median", r.secondsMedian());
            w.put("seconds_min", r.secondsMin());
            w.put("seconds_max", r.secondsMax());
            w.put("samples_per_second", r.samplesPerSecond());
            w.put("gflops", r.gflops());
            w.put("peak_fraction", r.peakFraction());
            w.put("peak_memory_mb", r.peakMemoryMb());
            w.put("note", r.note());
        }
        return ModelSpecJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    }
}
