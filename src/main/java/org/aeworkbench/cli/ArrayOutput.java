package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.MatrixCsv;
import org.aeworkbench.data.NpyWriter;

/** Where {@code encode} and {@code reconstruct} write their arrays: .npy (float32, C order) or .csv, by the name. */
enum ArrayOutput {
    NPY, CSV;

    /** The format {@code file}'s name asks for; anything else is a usage error. */
    static ArrayOutput of(Path file, String option) {
        return of(file, option, "");
    }

    /** @param orElse what else the option takes, for the message (" or a folder for one PNG per sample") */
    static ArrayOutput of(Path file, String option, String orElse) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return NPY;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new BadUsage(option + " " + file + ": give a file name ending in .npy (float32, numpy.load reads it) or .csv"
                + orElse);
    }

    /**
     * @param shape    the NPY array's shape (rows first)
     * @param prefix   CSV column stem ("z", "x")
     * @param labelled the samples whose labels a CSV file gets as its last column
     */
    void write(Path file, float[] values, int[] shape, String prefix, Dataset labelled) throws IOException {
        if (this == NPY) {
            NpyWriter.write(file, values, shape);
        } else {
            MatrixCsv.write(file, values, shape[0], values.length / Math.max(1, shape[0]), prefix, labelled);
        }
    }
}
