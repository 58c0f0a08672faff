package org.aeworkbench.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench fidelity}: the literature's results rerun on the bundled data, each beside its published value. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Rerun the results a teacher would quote on the bundled MNIST sample (rows 0-7999 train,",
            "8000-9999 test), each beside its published value, and say pass or fail against a stated tolerance."})
public final class FidelityCommand implements Callable<Integer> {

    @Option(names = "--json", description = "End with one line of JSON holding every row.")
    boolean json;

    @Option(names = "--quick", description = "A tenth of the epochs: checks that the report runs, not that it passes.")
    boolean quick;

    @Option(names = "--pytorch", paramLabel = "FILE",
            description = "JSON from bench/pytorch/fidelity.py --json, to show PyTorch's values beside ours.")
    Path pytorch;

    @Option(names = "--threads", paramLabel = "T", description = "Compute threads (default: all cores).")
    int threads;

    @Option(names = "--only", paramLabel = "GROUP", split = ",", description = "Run only these groups of rows"
            + " (comma-separated): hinton, 2d, keras, vae, linear, variants, adversarial, rbm.")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        org.aeworkbench.cli.BadUsage.requireThreads(threads);
        FidelityReport report = new FidelityReport(quick, threads, PytorchFidelity.read(pytorch), only);
        return report.run(json);
    }
}
