package org.aeworkbench.engine.io.safetensors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.core.SpecException;

/**
 * The JSON header of a safetensors file (Hugging Face's format, {@code safetensors} 0.3 and
 * later), parsed and checked as data: every entry names a known dtype, a shape of non-negative
 * sizes and two offsets; each entry's byte length is its element count times its dtype's width
 * (computed without overflow); and the entries tile the data exactly, in offset order, without
 * overlaps or holes, ending where the file ends. A header that fails any of these is refused with
 * a message naming the file and the tensor, before any tensor is read.
 *
 * @param tensors  the entries in the order the header lists them
 * @param metadata the optional {@code __metadata__} map of strings
 */
public record SafetensorsHeader(List<TensorEntry> tensors, Map<String, String> metadata) {

    /** The key under which the format keeps free-form string metadata. */
    public static final String METADATA = "__metadata__";

    /** Duplicate names would let one entry silently replace another. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public SafetensorsHeader {
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The entry named {@code name}, or null. */
    public TensorEntry tensor(String name) {
        for (TensorEntry t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Parses and checks a header.
     *
     * @param json       the header's bytes (UTF-8 JSON, possibly padded with spaces)
     * @param dataLength bytes that follow the header in the file
     * @param origin     the file, for messages
     */
    static SafetensorsHeader parse(byte[] json, long dataLength, String origin) {
        int first = 0;
        while (first < json.length && json[first] == ' ') {
            first++;
        }
        if (first >= json.length || json[first] != '{') {
            throw refuse(origin, "the header is not a JSON object; this is not a safetensors file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw refuse(origin, "the header is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (java.io.IOException e) {
            throw refuse(origin, "the header cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw refuse(origin, "the header is not a JSON object; this is not a safetensors file");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorEntry> tensors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA)) {
                metadata(field.getValue(), metadata, origin);
            } else {
                tensors.add(entry(field.getKey(), field.getValue(), dataLength, origin));
            }
        }
        checkTiling(tensors, dataLength, origin);
        return new SafetensorsHeader(tensors, metadata);
    }

    private static void metadata(JsonNode node, Map<String, String> into, String origin) {
        if (!node.isObject()) {
            throw refuse(origin, METADATA + " must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw refuse(origin, METADATA + "." + e.getKey() + " must be a string");
            }
            into.put(e.getKey(), e.getValue().asText());
        }
    }

    private static TensorEntry entry(String name, JsonNode node, long dataLength, String origin) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw refuse(origin, where + " is not described by an object");
        }
        JsonNode dt = node.get("dtype");
        Dtype dtype = dt != null && dt.isTextual() ? Dtype.parse(dt.asText()) : null;
        if (dtype == null) {
            throw refuse(origin, where + " has dtype " + (dt == null ? "missing" : dt) + "; known are F32, F64, F16, BF16,"
                    + " I64, I32, I16, I8, U64, U32, U16, U8 and BOOL");
        }
        JsonNode sh = node.get("shape");
        if (sh == null || !sh.isArray()) {
            throw refuse(origin, where + " has no shape array");
        }
        long[] shape = new long[sh.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = whole(sh.get(i), origin, where + ": shape[" + i + "]");
            try {
                elements = Math.multiplyExact(elements, shape[i]);
            } catch (ArithmeticException e) {
                throw refuse(origin, where + " has a shape too large to exist: " + sh);
            }
        }
        JsonNode off = node.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2) {
            throw refuse(origin, where + " has no data_offsets [begin, end]");
        }
        long begin = whole(off.get(0), origin, where + ": data_offsets[0]");
        long end = whole(off.get(1), origin, where + ": data_offsets[1]");
        long bytes;
        try {
            bytes = Math.multiplyExact(elements, dtype.bytes());
        } catch (ArithmeticException e) {
            throw refuse(origin, where + " has a shape too large to exist: " + sh);
        }
        if (end < begin || end - begin != bytes) {
            throw refuse(origin, where + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes, but " + dtype + " " + sh + " needs " + bytes);
        }
        if (end > dataLength) {
            throw refuse(origin, where + " ends at byte " + end + " of the data, but the file holds only " + dataLength
                    + " bytes after its header: the file is truncated");
        }
        return new TensorEntry(name, dtype, shape, begin, end);
    }

    /** A non-negative whole number that fits a long, or a refusal naming {@code what}. */
    private static long whole(JsonNode n, String origin, String what) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw refuse(origin, what + " must be a non-negative whole number, not " + n);
        }
        return n.asLong();
    }

    /** The format's rule: the tensors, in offset order, fill the data from its first byte to its last. */
    private static void checkTiling(List<TensorEntry> tensors, long dataLength, String origin) {
        List<TensorEntry> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long at = 0;
        for (TensorEntry t : byOffset) {
            if (t.begin() < at) {
                throw refuse(origin, "tensor '" + t.name() + "' overlaps the tensor before it (bytes " + t.begin()
                        + " to " + t.end() + ")");
            }
            if (t.begin() > at) {
                throw refuse(origin, "bytes " + at + " to " + t.begin() + " of the data belong to no tensor");
            }
            at = t.end();
        }
        if (at != dataLength) {
            throw refuse(origin, "the tensors end at byte " + at + " of the data, but " + dataLength
                    + " bytes follow the header");
        }
    }

    static SpecException refuse(String origin, String message) {
        return new SpecException("", origin + ": " + message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
