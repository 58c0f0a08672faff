package org.aeworkbench.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.core.InputFiles;
import org.aeworkbench.engine.core.JsonText;
import org.aeworkbench.engine.core.Utf8Text;

/**
 * Reads and writes model specs as JSON. Unknown fields are refused (a typo must not silently
 * fall back to a default), and every failure names the file, line and field.
 */
public final class ModelSpecJson {

    /** Refuse spec files beyond this size: a spec is a few kilobytes. */
    private static final long MAX_BYTES = 4L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A field given twice, or text after the object, is a mistake in the file, not a choice.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ModelSpecJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(ModelSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model spec as JSON", e);
        }
    }

    /** Parses a spec; {@code origin} names the source in messages (a file name, "clipboard"). */
    public static ModelSpec parse(String json, String origin) {
        try {
            ModelSpec spec = MAPPER.readValue(json, ModelSpec.class);
            if (spec == null) {
                throw new SpecException("", origin + ": the file is empty; a model spec is a JSON object");
            }
            return spec;
        } catch (JsonMappingException e) {
            throw new SpecException(path(e), origin + describe(e) + ": " + plain(e));
        } catch (JsonProcessingException e) {
            throw new SpecException("", origin + describe(e) + ": not valid JSON: "
                    + JsonMessages.plain(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new SpecException("", origin + ": " + e.getMessage());
        }
    }

    public static ModelSpec read(Path file) throws IOException {
        String notAFile = InputFiles.notAFile(file);
        if (notAFile != null) {
            throw new SpecException("", file + ": " + notAFile + "; give a model spec (.json)");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new SpecException("", file + ": " + size + " bytes is far too large for a model spec;"
                    + " is this the right file?");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            // What train --out writes: a model file given a spec's name.
            throw new SpecException("", file + ": is gzip-compressed, not a JSON spec; if it is a trained model"
                    + " (what train --out writes), name it .aem");
        }
        String text = Utf8Text.decode(bytes, why -> new SpecException("", file + ": " + why
                + "; save the file as UTF-8"));
        return parse(text, file.toString());
    }

    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where += ", field " + JsonText.oneLine(path(m));
        }
        return where;
    }

    /** "encoder[1].units" from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /**
     * Jackson's wording, reduced to what a user can act on. The kind of failure, and the user's
     * own text in it, are taken from the exception, not from its message: the message repeats the
     * user's field names and values, which may hold anything ("problem: ", a class name, a line
     * break, "JsonToken").
     */
    private static String plain(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field " + JsonText.quoted(u.getPropertyName()) + (u.getKnownPropertyIds() == null
                    || u.getKnownPropertyIds().isEmpty() ? "" : "; the fields here are " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f && f.getValue() instanceof String value && f.getTargetType() != null
                && !f.getTargetType().isEnum()) {
            return "expected " + JsonMessages.kind(f.getTargetType().getName()) + ", not " + JsonText.quoted(value);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            // A record's constructor refused the value: its message is ours, written for the user.
            return JsonText.oneLine(e.getCause().getMessage());
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Cannot map `null`")) {
            return "the value is missing; add it";
        }
        return JsonMessages.plain(message);
    }
}
