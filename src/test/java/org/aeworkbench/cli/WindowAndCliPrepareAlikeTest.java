package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.aeworkbench.data.IdxTestFiles;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparationKey;
import org.aeworkbench.ui.dataset.PreparedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The window and {@code train} prepare the same file into the same matrix: the window's data path
 * (DataModel.prepare for the design's split and loss) against the one {@code train} runs, for
 * each way of scaling.
 */
class WindowAndCliPrepareAlikeTest {

    @TempDir
    Path dir;

    /** Runs train's data path for these arguments and the window's for the same file, design and scale. */
    private static Scaling sameMatrix(String file, String preset, ScaleChoice scale) throws Exception {
        TrainCommand cli = new TrainCommand();
        new CommandLine(cli).parseArgs("--data", file, "--preset", preset, "--scale", scale.id());
        ChosenRun run = ChosenRun.forTraining(cli.data.load(2), null, file, cli.choice, cli.data.scale(), Backend.AUTO);
        run.compute().close();
        PreparedData window = DataModel.prepare(DataReference.of(file).withScaling(scale), PreparationKey.of(run.spec()));
        var t = run.spec().training();
        PreparedData.TrainSplit split = window.split(t.validationFraction(), t.seed());
        assertEquals(run.preparation(), window.preparation(), file);
        assertArrayEquals(run.split().train().values(), split.train().values(), 0f, "training matrix of " + file);
        assertArrayEquals(run.split().validation().values(), split.validation().values(), 0f, "validation matrix of " + file);
        // A window that loaded the file for another design prepares it anew for this one, to the same matrix.
        PreparedData before = DataModel.prepare(DataReference.of(file).withScaling(scale),
                new PreparationKey(0.3, 5, org.aeworkbench.engine.loss.ReconstructionLoss.MSE));
        PreparedData after = before.preparedFor(PreparationKey.of(run.spec()));
        assertArrayEquals(split.train().values(), after.split(t.validationFraction(), t.seed()).train().values(), 0f);
        return run.preparation().scaling();
    }

    private Path tableOutsideTheUnitInterval() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,kind\n");
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 120; i++) {
            csv.append(r.nextDouble(-5, 5)).append(',').append(r.nextDouble(100, 300)).append(',')
                    .append(r.nextInt(0, 9)).append(',').append(r.nextGaussian()).append(',')
                    .append(i % 3 == 0 ? "x" : "y").append('\n');
        }
        return Files.writeString(dir.resolve("table.csv"), csv);
    }

    @Test
    void bytesDividedBy255() throws Exception {
        Path images = IdxTestFiles.mnistImages(dir, "train-images-idx3-ubyte.gz", 0, 200);
        assertEquals(Scaling.DIVIDE_255, sameMatrix(images.toString(), "reference", ScaleChoice.AUTO));
        assertEquals(Scaling.MIN_MAX, sameMatrix(images.toString(), "reference", ScaleChoice.MIN_MAX));
    }

    @Test
    void minMaxForBceAndNoneForMseFittedOnTheTrainingSplit() throws Exception {
        String table = tableOutsideTheUnitInterval().toString();
        assertEquals(Scaling.MIN_MAX, sameMatrix(table, "keras-simple", ScaleChoice.AUTO));
        assertEquals(Scaling.NONE, sameMatrix(table, "linear-pca", ScaleChoice.AUTO));
        assertEquals(Scaling.Z_SCORE, sameMatrix(table, "linear-pca", ScaleChoice.Z_SCORE));
        // The statistics are the training split's: another seed, another split, other statistics.
        PreparedData a = DataModel.prepare(DataReference.of(table).withScaling(ScaleChoice.Z_SCORE),
                new PreparationKey(0.2, 1, org.aeworkbench.engine.loss.ReconstructionLoss.MSE));
        PreparedData b = DataModel.prepare(DataReference.of(table).withScaling(ScaleChoice.Z_SCORE),
                new PreparationKey(0.2, 2, org.aeworkbench.engine.loss.ReconstructionLoss.MSE));
        assertNotEquals(a.preparation(), b.preparation());
    }

    @Test
    void valuesInTheUnitIntervalLeftAlone() throws Exception {
        assertEquals(Scaling.NONE, sameMatrix("mnist", "reference", ScaleChoice.AUTO));
    }
}
