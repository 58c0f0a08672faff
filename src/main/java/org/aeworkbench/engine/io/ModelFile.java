package org.aeworkbench.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.engine.core.InputFiles;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.JsonMessages;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A trained model in one file ({@code .aem}): gzip of
 * <pre>
 *   "AEWB-MODEL" (10 bytes), format version (int32 = 1),
 *   header length (int32), header (UTF-8 JSON: {"spec": ..., "input": {...}, "info": {...},
 *   "preparation": {...}}),
 *   parameter count (int32), then per parameter: name (UTF), rows (int32), cols (int32),
 *   rows * cols float32 values, all big-endian.
 * </pre>
 * The header carries the spec (so the file rebuilds its own model), free-form information such as
 * the training history and the data it was trained on, and how the data was prepared (the scaling
 * and its statistics, written and read by {@code org.aeworkbench.data.Preparation}; files written
 * before it existed have none and load with a missing node). Reads check every size against
 * the spec, and the design's memory against the heap, before allocating, and check the gzip
 * trailer's CRC-32 and length (and the header's CRC-16, which files written since carry) once the
 * last weight is read, so a damaged or truncated file is refused with a message, never half-loaded.
 */
public final class ModelFile {

    public static final int VERSION = 1;
    private static final byte[] MAGIC = "AEWB-MODEL".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 16 << 20;
    /** Content read past a refusal to see whether the file is damaged: a second or so of inflating. */
    private static final long DRAIN_LIMIT = 256L << 20;

    /**
     * A model read back, with what was saved beside it.
     *
     * @param info        free-form information (a missing node when none was saved)
     * @param preparation the data preparation record (a missing node in files written before it existed)
     */
    public record Loaded(Autoencoder model, JsonNode info, JsonNode preparation) {
    }

    private ModelFile() {
    }

    public static void save(Path file, Autoencoder model, JsonNode info) throws IOException {
        save(file, model, info, null);
    }

    /** @param preparation how the training data was prepared, or null to record nothing */
    public static void save(Path file, Autoencoder model, JsonNode info, JsonNode preparation) throws IOException {
        ObjectNode header = ModelSpecJson.mapper().createObjectNode();
        header.set("spec", ModelSpecJson.mapper().valueToTree(model.spec()));
        Shape in = model.inputShape();
        header.putObject("input").put("height", in.height()).put("width", in.width()).put("channels", in.channels());
        if (info != null) {
            header.set("info", info);
        }
        if (preparation != null) {
            header.set("preparation", preparation);
        }
        byte[] json = ModelSpecJson.mapper().writeValueAsBytes(header);
        AtomicFiles.write(file, raw -> {
            GzipOutput gz = new GzipOutput(raw);
            DataOutputStream out = new DataOutputStream(gz);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(json.length);
            out.write(json);
            List<Parameter> params = model.parameters();
            out.writeInt(params.size());
            for (Parameter p : params) {
                out.writeUTF(p.name());
                out.writeInt(p.rows());
                out.writeInt(p.cols());
                for (float v : p.value()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            gz.finish();
        });
    }

    public static Loaded load(Path file) throws IOException {
        String notAFile = InputFiles.notAFile(file);
        if (notAFile != null) {
            throw new SpecException("", file + ": " + notAFile + "; give a trained model (.aem)");
        }
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 != 0x1f || b1 != 0x8b) {
                throw new SpecException("", file + ": not an AE Workbench model file (.aem); model specs (.json)"
                        + " are opened with --model too, but this is neither");
            }
            GzipInput gzip = new GzipInput(raw);
            try {
                return read(new DataInputStream(gzip), gzip, file);
            } catch (SpecException e) {
                throw explained(e, gzip, file);
            }
        } catch (EOFException e) {
            throw truncated(file, e);
        } catch (java.util.zip.ZipException | java.io.UTFDataFormatException e) {
            throw damaged(file, e);
        }
    }

    /** Reads the content after the gzip header: signature, version, header, weights, then the end. */
    private static Loaded read(DataInputStream in, GzipInput gzip, Path file) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new SpecException("", file + ": not an AE Workbench model file (wrong signature)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new SpecException("", file + ": model file version " + version + " is not supported by this build"
                    + " (it reads version " + VERSION + "); open it with the version that wrote it");
        }
        int headerLength = in.readInt();
        if (headerLength < 2 || headerLength > MAX_HEADER) {
            throw new SpecException("", file + ": damaged model file (header length " + headerLength + ")");
        }
        byte[] json = new byte[headerLength];
        in.readFully(json);
        JsonNode header = readHeader(json, file);
        ModelSpec spec = ModelSpecJson.parse(header.path("spec").toString(), file + " (spec)");
        Shape input = inputShape(header.path("input"), file);
        checkFits(spec, input, file);
        Autoencoder model = build(spec, input, file);
        List<Parameter> params = model.parameters();
        int count = in.readInt();
        if (count != params.size()) {
            throw new SpecException("", file + ": damaged model file: " + count + " parameter arrays where the design has "
                    + params.size());
        }
        for (Parameter p : params) {
            String name = in.readUTF();
            int rows = in.readInt();
            int cols = in.readInt();
            if (!name.equals(p.name()) || rows != p.rows() || cols != p.cols()) {
                throw new SpecException("", file + ": damaged model file: parameter " + name + " (" + rows + "x" + cols
                        + ") where the design has " + p.name() + " (" + p.rows() + "x" + p.cols() + ")");
            }
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readFloat();
            }
        }
        // Only now are the checksum and length in the trailer compared with what was read.
        gzip.requireEnd();
        return new Loaded(model, header.path("info"), header.path("preparation"));
    }

    /**
     * A header or weights that make no sense are most often damage: when the rest of the file
     * (up to {@link #DRAIN_LIMIT}) shows that its checksum disagrees or that it is cut short, say
     * that, rather than what the damage happened to look like.
     */
    private static SpecException explained(SpecException e, GzipInput gzip, Path file) {
        try {
            gzip.drain(DRAIN_LIMIT);
            return e;
        } catch (EOFException t) {
            return truncated(file, t);
        } catch (java.util.zip.ZipException d) {
            return damaged(file, d);
        } catch (IOException io) {
            return e;
        }
    }

    private static SpecException truncated(Path file, EOFException e) {
        return new SpecException("", file + ": truncated model file: " + (e.getMessage() == null ? "the file ends early"
                : e.getMessage()) + "; it was probably not saved or copied completely, nothing was loaded");
    }

    private static SpecException damaged(Path file, IOException e) {
        return new SpecException("", file + ": damaged model file: " + e.getMessage() + "; nothing was loaded, use"
                + " another copy");
    }

    /** The model the header describes, the memory check naming the file as well as the layer. */
    private static Autoencoder build(ModelSpec spec, Shape input, Path file) {
        try {
            return ModelBuilder.build(spec, input);
        } catch (SpecException e) {
            throw new SpecException(e.field(), file + ": " + e.getMessage());
        }
    }

    private static JsonNode readHeader(byte[] json, Path file) {
        try {
            return ModelSpecJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new SpecException("", file + ": damaged model file (the header is not JSON: "
                    + JsonMessages.plain(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage() : e.getMessage()) + ")");
        }
    }

    private static Shape inputShape(JsonNode s, Path file) {
        int height = s.path("height").asInt(1);
        int width = s.path("width").asInt(1);
        int channels = s.path("channels").asInt(0);
        if (height < 1 || width < 1 || channels < 1 || (long) height * width * channels > Integer.MAX_VALUE) {
            throw new SpecException("input", file + ": damaged model file (input shape " + height + "x" + width
                    + "x" + channels + ")");
        }
        return new Shape(height, width, channels);
    }

    /**
     * Refuses, before anything is allocated, a header whose design has more weights than the file
     * can hold: each is 4 bytes of the gzip payload, which deflate expands at most 1032:1.
     */
    private static void checkFits(ModelSpec spec, Shape input, Path file) throws IOException {
        long parameters = SpecValidator.parameterCount(spec, input);
        if (parameters > Files.size(file) * 1032 / Float.BYTES) {
            throw new SpecException("", file + ": damaged model file: the design has " + parameters
                    + " weights, more than the file can hold");
        }
    }
}
