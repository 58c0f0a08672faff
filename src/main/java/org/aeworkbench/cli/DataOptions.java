package org.aeworkbench.cli;

import java.nio.file.Path;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.ScaleChoice;
import picocli.CommandLine.Option;

/**
 * {@code --data NAME|FILE [--labels FILE] [--scale auto|none|255|minmax|zscore]}: the data a
 * command trains on or inspects, and how it is scaled, shared by every such command through
 * {@code @Mixin DataOptions data;}. The scaling is decided by {@link org.aeworkbench.data.ScalingRule}
 * and fitted on the training split only ({@link org.aeworkbench.data.Preparation#fit}).
 */
public final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "NAME|FILE",
            description = "A bundled data set (see 'data list') or a file: CSV/TSV, IDX (.gz), NPY, or a folder of images.")
    String data;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels for --data from a separate file.")
    Path labels;

    @Option(names = "--scale", paramLabel = "RULE", converter = ScaleChoiceConverter.class,
            description = "How values are scaled, fitted on the training split: auto (default: bytes / 255, values in"
                    + " [0, 1] as they are, min-max when the loss is BCE, else as they are), none, 255, minmax, zscore.")
    ScaleChoice scale = ScaleChoice.AUTO;

    /** The data as the user named it. */
    public String where() {
        return data;
    }

    public Path labels() {
        return labels;
    }

    public ScaleChoice scale() {
        return scale;
    }

    /** Loads --data with --labels, refusing non-finite values and sets smaller than {@code minSamples}. */
    public Dataset load(int minSamples) {
        return Loading.load(data, labels, minSamples);
    }
}
