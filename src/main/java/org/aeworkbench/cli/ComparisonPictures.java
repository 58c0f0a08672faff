package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.analysis.CodecOutputs;
import org.aeworkbench.analysis.Comparison;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.report.ComparisonCharts;
import org.aeworkbench.report.PngExport;

/** The comparison's pictures as PNG files: both 2-D scatters and a reconstruction grid ({@link ComparisonCharts}). */
final class ComparisonPictures {

    static final String AE_SCATTER = "latent-autoencoder.png";
    static final String PCA_SCATTER = "latent-pca.png";
    static final String GRID = "reconstructions.png";

    private ComparisonPictures() {
    }

    static void write(Path dir, Comparison c, CodecOutputs ae, CodecOutputs pca, Dataset train, Dataset test) throws IOException {
        Files.createDirectories(dir);
        ComparisonCharts charts = ComparisonCharts.of(c, ae, pca, test);
        PngExport.write(charts.autoencoder(), 800, 700, dir.resolve(AE_SCATTER));
        PngExport.write(charts.pca(), 800, 700, dir.resolve(PCA_SCATTER));
        if (charts.grid() != null) {
            PngExport.write(charts.grid(), dir.resolve(GRID));
        }
    }
}
