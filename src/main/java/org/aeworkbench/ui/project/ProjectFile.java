package org.aeworkbench.ui.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.aeworkbench.data.BadParameterException;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.data.TrainedModel;
import org.aeworkbench.engine.core.InputFiles;
import org.aeworkbench.engine.io.AtomicFiles;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.report.runs.RunsJson;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;

/**
 * A project in one file ({@code .aewb}): a ZIP holding {@code project.json} (the design, whether
 * the decoder mirrors the encoder, the data reference, the loss curves per epoch and per batch,
 * the stacked stages) and, once a model has weights, {@code model.aem} in the engine's model-file
 * format, which the CLI reads too, and {@code replay.bin}, the probe samples' codes at each
 * epoch's end (float32, little-endian, frame after frame) for the replay slider; project.json
 * also lists the training runs recorded ({@link RunsJson}). Files written before the per-batch
 * curve, the replay and the runs were saved still open, without them.
 * The file is written to a temporary file and moved into place, so a failed save never damages
 * the previous one.
 */
public final class ProjectFile {

    public static final String EXTENSION = "aewb";
    static final String FORMAT = "ae-workbench-project";
    static final int VERSION = 1;
    private static final String JSON = "project.json";
    private static final String MODEL = "model.aem";
    private static final String REPLAY = "replay.bin";
    /** Replay values kept at most (64 MB); longer replays keep evenly spaced epochs and the last. */
    static final long MAX_REPLAY_FLOATS = 16L << 20;
    private static final long MAX_JSON = 64L << 20;

    private ProjectFile() {
    }

    public static void save(Path file, Project p) throws IOException {
        ObjectMapper m = ModelSpecJson.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("spec", m.valueToTree(p.spec()));
        root.put("mirrored", p.mirrored());
        ObjectNode data = root.putObject("data");
        data.put("source", p.data().source());
        data.put("limit", p.data().limit());
        data.put("seed", p.data().seed());
        data.put("scaling", p.data().scaling().id());
        ArrayNode history = root.putArray("history");
        for (EpochPoint e : p.history().epochs()) {
            history.add(epoch(m, e));
        }
        ArrayNode batches = root.putArray("batches");
        for (BatchPoint b : p.history().batches()) {
            ObjectNode o = terms(m, b.loss());
            o.put("x", b.x());
            batches.add(o);
        }
        ArrayNode stages = root.putArray("stages");
        for (StageMark st : p.history().stages()) {
            stages.addObject().put("x", st.x()).put("name", st.name());
        }
        TrainingHistory.Replay replay = p.model() == null ? null : thinned(p.history().replay());
        if (replay != null) {
            ObjectNode r = root.putObject("replay");
            r.put("validation", replay.validation());
            r.put("codeSize", replay.frames().get(0).codeSize());
            ArrayNode probe = r.putArray("probe");
            for (int i : replay.probe()) {
                probe.add(i);
            }
            ArrayNode xs = r.putArray("x");
            replay.frames().forEach(f -> xs.add(f.x()));
        }
        root.set("runs", RunsJson.write(p.runs()));
        byte[] json = m.writeValueAsBytes(root);
        byte[] model = p.model() == null ? null : modelBytes(p.model(), p.preparation());
        byte[] frames = replay == null ? null : replayBytes(replay);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(JSON));
            zip.write(json);
            zip.closeEntry();
            if (model != null) {
                zip.putNextEntry(new ZipEntry(MODEL));
                zip.write(model);
                zip.closeEntry();
            }
            if (frames != null) {
                zip.putNextEntry(new ZipEntry(REPLAY));
                zip.write(frames);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    public static Project load(Path file) throws IOException {
        Map<String, byte[]> entries = entries(file);
        byte[] json = entries.get(JSON);
        if (json == null) {
            throw new IOException(file + ": not an AE Workbench project (no " + JSON + " inside); open .aewb files"
                    + " saved by the workbench");
        }
        JsonNode root;
        try {
            root = ModelSpecJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + JSON + " inside the project is damaged (not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": " + JSON + " is not an AE Workbench project description");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IOException(file + ": project format version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        ModelSpec spec;
        try {
            spec = ModelSpecJson.parse(root.path("spec").toString(), file + " (spec)");
        } catch (SpecException ex) {
            throw new IOException(ex.getMessage(), ex);
        }
        JsonNode d = root.path("data");
        if (!d.hasNonNull("source")) {
            throw new IOException(file + ": the project names no data (field data.source)");
        }
        String scaling = d.path("scaling").asText("auto");
        ScaleChoice s;
        try {
            // Files written before the --scale spellings hold the enum names ("MIN_MAX"): parse reads both.
            s = ScaleChoice.parse(scaling);
        } catch (BadParameterException e) {
            throw new IOException(file + ": unknown scaling '" + scaling + "' in data.scaling; use one of "
                    + ScaleChoice.ids());
        }
        DataReference data = new DataReference(d.path("source").asText(), d.path("limit").asInt(0), d.path("seed").asLong(42), s);
        List<EpochPoint> epochs = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            epochs.add(epoch(h));
        }
        List<BatchPoint> batches = new ArrayList<>();
        for (JsonNode b : root.path("batches")) {
            batches.add(new BatchPoint(b.path("x").asDouble(), terms(b)));
        }
        List<StageMark> stages = new ArrayList<>();
        for (JsonNode st : root.path("stages")) {
            stages.add(new StageMark(st.path("x").asDouble(), st.path("name").asText()));
        }
        TrainedModel model = entries.containsKey(MODEL) ? model(entries.get(MODEL), file) : null;
        TrainingHistory.Replay replay = model == null || !root.has("replay") ? null
                : replay(root.path("replay"), entries.get(REPLAY), file);
        List<RunRecord> runs;
        try {
            runs = RunsJson.read(root.path("runs"), file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage() + " (in " + JSON + ")", e);
        }
        return new Project(spec, root.path("mirrored").asBoolean(false), data,
                new TrainingHistory(epochs, batches, stages, replay), model == null ? null : model.model(),
                model == null ? null : model.preparation(), runs);
    }

    /**
     * The entries of the project's ZIP, each checked against the sizes and CRC-32 of the ZIP's
     * directory (which {@link ZipFile} reads from the end of the file, so a file cut short is
     * refused). Only the entries this class writes are allowed: a damaged name would otherwise
     * drop the weights without a word.
     */
    private static Map<String, byte[]> entries(Path file) throws IOException {
        String notAFile = InputFiles.notAFile(file);
        if (notAFile != null) {
            throw new IOException(file + ": " + notAFile + "; give a project (.aewb)");
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                long limit = switch (e.getName()) {
                    case JSON, MODEL -> MAX_JSON;
                    case REPLAY -> 4 * MAX_REPLAY_FLOATS + 4;
                    default -> throw new IOException(file + ": damaged project file: it holds an entry '" + e.getName()
                            + "' that AE Workbench does not write; nothing was loaded, use another copy");
                };
                if (entries.containsKey(e.getName()) || e.getSize() > limit) {
                    throw new IOException(file + ": damaged project file: entry " + e.getName() + (e.getSize() > limit
                            ? " claims " + e.getSize() + " bytes" : " appears twice") + "; nothing was loaded");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readNBytes((int) limit + 1);
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (bytes.length != e.getSize() || crc.getValue() != e.getCrc()) {
                    throw new IOException(file + ": damaged project file: " + e.getName() + " does not match its "
                            + (bytes.length != e.getSize() ? "size" : "checksum") + " in the ZIP directory; nothing was"
                            + " loaded, use another copy");
                }
                entries.put(e.getName(), bytes);
            }
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            throw new IOException(file + (m.contains("END header") || m.contains("zip file is empty")
                    ? ": not an AE Workbench project, or a truncated one (the ZIP directory at its end is missing)"
                    : ": damaged project file (" + m + "); nothing was loaded"), e);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": the project file is truncated; it was probably not saved completely", e);
        } catch (IllegalArgumentException e) {
            // ZipFile's way of saying an entry name is not valid UTF-8.
            throw new IOException(file + ": the project file is damaged (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    /** The replay with at most {@link #MAX_REPLAY_FLOATS} values: evenly spaced frames, always the last. */
    static TrainingHistory.Replay thinned(TrainingHistory.Replay r) {
        if (r == null || r.frames().isEmpty()) {
            return null;
        }
        List<ProbeFrame> all = r.frames();
        long perFrame = all.get(0).codes().length;
        int keep = (int) Math.max(1, Math.min(all.size(), MAX_REPLAY_FLOATS / Math.max(1, perFrame)));
        if (keep == all.size()) {
            return r;
        }
        List<ProbeFrame> kept = new ArrayList<>();
        for (int i = 0; i < keep; i++) {
            kept.add(all.get((int) ((long) (all.size() - 1) * (i + 1) / keep)));
        }
        return new TrainingHistory.Replay(r.probe(), r.validation(), kept);
    }

    private static byte[] replayBytes(TrainingHistory.Replay r) {
        int per = r.frames().get(0).codes().length;
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * per * r.frames().size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (ProbeFrame f : r.frames()) {
            buf.asFloatBuffer().put(f.codes());
            buf.position(buf.position() + 4 * per);
        }
        return buf.array();
    }

    private static TrainingHistory.Replay replay(JsonNode r, byte[] bytes, Path file) throws IOException {
        int codeSize = r.path("codeSize").asInt();
        int[] probe = new int[r.path("probe").size()];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = r.path("probe").get(i).asInt();
        }
        JsonNode xs = r.path("x");
        long per = (long) probe.length * codeSize;
        if (bytes == null || codeSize <= 0 || per == 0 || bytes.length != 4 * per * xs.size()) {
            throw new IOException(file + ": " + REPLAY + " inside the project does not match project.json ("
                    + (bytes == null ? "missing" : bytes.length + " bytes for " + xs.size() + " frames of " + per + " values")
                    + "); the project file is damaged");
        }
        java.nio.FloatBuffer floats = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        List<ProbeFrame> frames = new ArrayList<>();
        for (JsonNode x : xs) {
            float[] codes = new float[(int) per];
            floats.get(codes);
            frames.add(new ProbeFrame(x.asDouble(), true, codes, codeSize));
        }
        return new TrainingHistory.Replay(probe, r.path("validation").asBoolean(), frames);
    }

    private static byte[] modelBytes(Autoencoder model, Preparation preparation) throws IOException {
        Path tmp = Files.createTempFile("aewb-model", ".aem");
        try {
            ModelFile.save(tmp, model, null, preparation == null ? null : preparation.toJson());
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The weights and the preparation they record (a model.aem written before it was recorded: "none"). */
    private static TrainedModel model(byte[] bytes, Path file) throws IOException {
        Path tmp = Files.createTempFile("aewb-model", ".aem");
        try {
            Files.write(tmp, bytes);
            TrainedModel m = TrainedModel.load(tmp);
            Preparation p = m.preparation().because(m.preparation().reason().replace(tmp.getFileName().toString(), MODEL));
            return new TrainedModel(m.model(), p, m.recorded(), m.info(), file);
        } catch (SpecException | DataException e) {
            throw new IOException(file + ": the saved weights cannot be read (" + e.getMessage().replace(tmp.toString(), MODEL)
                    + ")", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ObjectNode epoch(ObjectMapper m, EpochPoint e) {
        EpochSnapshot s = e.snapshot();
        ObjectNode o = m.createObjectNode();
        o.put("x", e.x());
        o.put("stage", s.stage());
        o.put("stageName", s.stageName());
        o.put("epoch", s.epoch());
        o.put("epochs", s.epochs());
        o.set("train", terms(m, s.train()));
        if (s.validation() != null) {
            o.set("validation", terms(m, s.validation()));
        }
        o.put("valReconError", s.valReconError());
        o.put("seconds", s.seconds());
        o.put("samplesPerSecond", s.samplesPerSecond());
        return o;
    }

    private static EpochPoint epoch(JsonNode o) {
        EpochSnapshot s = new EpochSnapshot(o.path("stage").asInt(), o.path("stageName").asText("train"),
                o.path("epoch").asInt(), o.path("epochs").asInt(), terms(o.path("train")),
                o.has("validation") ? terms(o.path("validation")) : null, o.path("valReconError").asDouble(Double.NaN),
                o.path("seconds").asDouble(), o.path("samplesPerSecond").asDouble(), null);
        return new EpochPoint(o.path("x").asDouble(), s);
    }

    private static ObjectNode terms(ObjectMapper m, LossTerms t) {
        ObjectNode o = m.createObjectNode();
        o.put("reconstruction", t.reconstruction());
        ObjectNode p = o.putObject("penalties");
        t.penalties().forEach(p::put);
        return o;
    }

    private static LossTerms terms(JsonNode o) {
        Map<String, Double> p = new HashMap<>();
        o.path("penalties").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
        return LossTerms.of(o.path("reconstruction").asDouble(Double.NaN), p);
    }
}
