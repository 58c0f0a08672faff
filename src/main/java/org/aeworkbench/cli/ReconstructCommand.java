package org.aeworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.report.PngExport;
import org.aeworkbench.report.ReconstructionGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reconstruct}: a trained model's reconstruction of every sample, in the prepared units
 * the model works in (for bytes divided by 255: values in [0, 1]), as NPY, CSV or one PNG each.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Write a trained model's reconstruction of every sample (a VAE decodes its posterior mean),",
            "in the units the model works in once the data is prepared as its training data was.",
            "NPY: float32 in C order, shaped like the data (samples, height, width[, channels]) or (samples, values).",
            "CSV: a header x1..xD (and label). A folder: one PNG per sample, for image data."})
public final class ReconstructCommand implements Callable<Integer> {

    @Mixin
    ModelInputOptions input;

    @Option(names = "--out", required = true, paramLabel = "recon.npy|recon.csv|DIR", description = "Where to write the reconstructions.")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean folder = !isArrayFile(out);
        ArrayOutput format = folder ? null : ArrayOutput.of(out, "--out", ", or a folder for one PNG per sample");
        if (folder) {
            OutputPaths.requireWritableFolder(out, "--out");
        } else {
            OutputPaths.requireWritableFile(out, "--out");
        }
        ModelInputOptions.Applied a = input.load();
        Dataset data = a.prepared();
        Shape shape = data.sampleShape();
        if (folder && shape.isVector()) {
            throw new BadUsage("--out " + out + ": a folder gets one PNG per sample, but " + a.where() + " holds "
                    + shape.size() + "-value vectors, not images; give recon.npy or recon.csv");
        }
        a.printPreparation();
        Autoencoder model = a.model().model();
        int n = data.samples();
        float[] recon;
        try (Compute compute = Compute.create(Backend.AUTO, model.spec().training().threads())) {
            recon = model.reconstruct(compute, data.values(), n);
        }
        if (folder) {
            Files.createDirectories(out);
            float[] range = ReconstructionGrid.inputRange(data.values());
            int digits = Integer.toString(Math.max(0, n - 1)).length();
            for (int i = 0; i < n; i++) {
                Path png = out.resolve(String.format(Locale.ROOT, "%0" + digits + "d.png", i));
                PngExport.write(ReconstructionGrid.tile(recon, i * shape.size(), shape, range), png);
            }
            System.out.printf(Locale.ROOT, "wrote %,d PNG files to %s (drawn on the inputs' range %s .. %s)%n", n, out,
                    range[0], range[1]);
        } else {
            format.write(out, recon, npyShape(n, shape), "x", data);
            System.out.printf(Locale.ROOT, "wrote %s: %,d reconstructions of %s%n", out, n, shape);
        }
        return 0;
    }

    private static boolean isArrayFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npy") || name.endsWith(".csv") || (name.contains(".") && !Files.isDirectory(p));
    }

    /** (n, h, w) for one channel, (n, h, w, c) for more, (n, d) for vectors: how NPY data files are read back. */
    static int[] npyShape(int n, Shape shape) {
        if (shape.isVector()) {
            return new int[] {n, shape.size()};
        }
        return shape.channels() == 1 ? new int[] {n, shape.height(), shape.width()}
                : new int[] {n, shape.height(), shape.width(), shape.channels()};
    }
}
