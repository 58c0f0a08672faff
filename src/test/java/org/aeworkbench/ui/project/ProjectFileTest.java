package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {

    @TempDir
    Path dir;

    private static ModelSpec spec() {
        return ModelSpec.of("tiny", List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(8, Activation.SIGMOID)), ReconstructionLoss.BCE);
    }

    private static EpochPoint epoch(int e, double loss) {
        LossTerms train = LossTerms.of(loss, Map.of("kl", 0.25));
        return new EpochPoint(e + 1, new EpochSnapshot(0, "train", e, 3, train, LossTerms.of(loss + 1, Map.of()), 2.5,
                1.5 * (e + 1), 1000, null));
    }

    @Test
    void aProjectReadsBackWithItsDesignDataHistoryAndWeights() throws IOException {
        Autoencoder model = ModelBuilder.build(spec(), Shape.vector(8));
        Project p = new Project(spec(), true, new DataReference("mnist", 500, 7, org.aeworkbench.data.ScaleChoice.MIN_MAX), new TrainingHistory(List.of(epoch(0, 3.0), epoch(1, 2.0)), List.of(), List.of(), null), model);
        Path file = dir.resolve("p.aewb");
        ProjectFile.save(file, p);
        Project back = ProjectFile.load(file);
        assertEquals(p.spec(), back.spec());
        assertTrue(back.mirrored());
        assertEquals(p.data(), back.data());
        assertEquals(2, back.history().epochs().size());
        EpochSnapshot s = back.history().epochs().get(1).snapshot();
        assertEquals(2.0, s.train().reconstruction());
        assertEquals(0.25, s.train().penalties().get("kl"));
        assertEquals(3.0, s.validation().total());
        assertEquals(2.0, back.history().epochs().get(1).x());
        for (int i = 0; i < model.parameters().size(); i++) {
            assertArrayEquals(model.parameters().get(i).value(), back.model().parameters().get(i).value());
        }
    }

    @Test
    void aProjectWithoutTrainingHasNoWeights() throws IOException {
        Path file = dir.resolve("untrained.aewb");
        ProjectFile.save(file, new Project(spec(), false, DataReference.of("mnist"), TrainingHistory.EMPTY, null));
        Project back = ProjectFile.load(file);
        assertNull(back.model());
        assertEquals(spec(), back.spec());
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedByName() throws IOException {
        Path file = dir.resolve("notes.aewb");
        Files.writeString(file, "just some text");
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().contains("notes.aewb") && e.getMessage().contains("not an AE Workbench project"),
                e.getMessage());
    }

    @Test
    void savingReplacesThePreviousFileWhole() throws IOException {
        Path file = dir.resolve("p.aewb");
        ProjectFile.save(file, new Project(spec(), false, DataReference.of("mnist"), new TrainingHistory(List.of(epoch(0, 5)), List.of(), List.of(), null), null));
        ProjectFile.save(file, new Project(spec().withName("second"), false, DataReference.of("mnist"), TrainingHistory.EMPTY, null));
        assertEquals("second", ProjectFile.load(file).spec().name());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    private static ProbeFrame frame(double x, int n, int k) {
        float[] codes = new float[n * k];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (float) (x * 100 + i * 0.5 - 3);
        }
        return new ProbeFrame(x, true, codes, k);
    }

    @Test
    void theCurvesStagesAndReplayFramesReadBackAsSaved() throws IOException {
        Autoencoder model = ModelBuilder.build(spec(), Shape.vector(8));
        List<BatchPoint> batches = List.of(new BatchPoint(0.5, LossTerms.of(4.0, Map.of("kl", 0.5))),
                new BatchPoint(1.0, LossTerms.of(3.5, Map.of())));
        List<StageMark> stages = List.of(new StageMark(0, "pretrain layer 1/2"), new StageMark(1, "fine-tune"));
        TrainingHistory.Replay replay = new TrainingHistory.Replay(new int[] {4, 0, 2}, true,
                List.of(frame(1, 3, 2), frame(2, 3, 2)));
        TrainingHistory h = new TrainingHistory(List.of(epoch(0, 3.0), epoch(1, 2.0)), batches, stages, replay);
        Path file = dir.resolve("curves.aewb");
        ProjectFile.save(file, new Project(spec(), true, DataReference.of("mnist"), h, model));
        TrainingHistory back = ProjectFile.load(file).history();
        assertEquals(batches, back.batches());
        assertEquals(stages, back.stages());
        assertArrayEquals(new int[] {4, 0, 2}, back.replay().probe());
        assertTrue(back.replay().validation());
        assertEquals(2, back.replay().frames().size());
        for (int f = 0; f < 2; f++) {
            ProbeFrame saved = replay.frames().get(f);
            ProbeFrame read = back.replay().frames().get(f);
            assertEquals(saved.x(), read.x());
            assertEquals(2, read.codeSize());
            assertArrayEquals(saved.codes(), read.codes(), "bit for bit");
        }
    }

    @Test
    void aProjectSavedBeforeCurvesAndReplayWereSavedStillOpens() throws IOException {
        // The project.json of the first version: the epochs only, no per-batch curve, stages or replay.
        String json = "{\"format\":\"ae-workbench-project\",\"version\":1,\"spec\":"
                + org.aeworkbench.engine.model.ModelSpecJson.mapper().writeValueAsString(spec())
                + ",\"mirrored\":false,\"data\":{\"source\":\"mnist\",\"limit\":0,\"seed\":42,\"scaling\":\"auto\"},"
                + "\"history\":[{\"x\":1.0,\"stage\":0,\"stageName\":\"train\",\"epoch\":0,\"epochs\":1,"
                + "\"train\":{\"reconstruction\":2.0,\"penalties\":{}},\"valReconError\":1.0,\"seconds\":1.0,"
                + "\"samplesPerSecond\":10.0}]}";
        Path file = dir.resolve("old.aewb");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("project.json"));
            zip.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Project back = ProjectFile.load(file);
        assertEquals(1, back.history().epochs().size());
        assertTrue(back.history().batches().isEmpty());
        assertTrue(back.history().stages().isEmpty());
        assertNull(back.history().replay());
    }

    @Test
    void aLongReplayKeepsEvenlySpacedEpochsAndTheLast() {
        long per = ProjectFile.MAX_REPLAY_FLOATS / 4; // four frames fit
        int n = (int) (per / 2);
        List<ProbeFrame> frames = new java.util.ArrayList<>();
        for (int e = 1; e <= 10; e++) {
            frames.add(new ProbeFrame(e, true, new float[n * 2], 2));
        }
        TrainingHistory.Replay thin = ProjectFile.thinned(new TrainingHistory.Replay(new int[n], false, frames));
        assertEquals(List.of(3.0, 5.0, 7.0, 10.0), thin.frames().stream().map(ProbeFrame::x).toList());
    }
}
