package org.aeworkbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presets}: lists the built-in designs, or prints one as a model spec to start from. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the built-in designs; with a NAME, print that design as a model spec (JSON)",
            "sized to --data, ready to edit and pass to train --model."})
public final class PresetsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A preset to print as JSON.")
    String name;

    @Option(names = "--data", paramLabel = "NAME|FILE", description = "Size the design to this data (default: mnist).")
    String data = "mnist";

    @Option(names = "--code-size", paramLabel = "K", description = "Override the code layer's width.")
    Integer codeSize;

    @Override
    public Integer call() {
        if (name == null) {
            for (Presets.Preset p : Presets.all()) {
                System.out.printf(Locale.ROOT, "%-20s %s%n", p.name(), p.description());
            }
            return 0;
        }
        Dataset set = DataSources.load(data);
        ModelSpec spec = Presets.get(name, set.sampleShape());
        if (codeSize != null) {
            spec = spec.withCodeSize(codeSize);
        }
        System.out.println(ModelSpecJson.toJson(spec));
        return 0;
    }
}
