package org.aeworkbench.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.VariantType;
import org.aeworkbench.engine.model.Variants;

/**
 * Applies a step's {@code set:} lines to a design. Each setting edits the design's JSON form,
 * the one spec files use, and the result is read back by the same reader that reads spec files,
 * so a lesson can set exactly what a spec file can hold, with the same defaults for a variant it
 * switches on and the same refusals (a misspelt field, a value out of range), reported at the
 * setting's line. A variant's name set to {@code off} ({@code set: rbmPretraining = off}) takes
 * that part out of the design, as unticking it in the designer does.
 */
public final class DesignSettings {

    private DesignSettings() {
    }

    /**
     * The design with every setting applied in order.
     *
     * @param origin names the lesson file in messages
     * @throws LessonException naming the line of the first setting the design refuses
     */
    public static ModelSpec apply(ModelSpec spec, List<DesignSetting> settings, String origin) {
        ModelSpec s = spec;
        for (DesignSetting setting : settings) {
            s = apply(s, setting, origin);
        }
        return s;
    }

    static ModelSpec apply(ModelSpec spec, DesignSetting setting, String origin) {
        try {
            if (DesignSetting.CODE_SIZE.equals(setting.path())) {
                return spec.withCodeSize(positiveInteger(setting, origin));
            }
            VariantType<?> variant = Variants.byId(setting.path());
            if (variant != null && OFF.equals(setting.value().trim())) {
                return spec.without(variant.spec());
            }
            ObjectMapper m = ModelSpecJson.mapper();
            ObjectNode tree = m.valueToTree(spec);
            set(tree, setting, origin);
            return ModelSpecJson.parse(m.writeValueAsString(tree), MARK);
        } catch (SpecException e) {
            throw new LessonException(origin, setting.line(), "set", setting + ": " + reason(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a model spec could not be written as JSON", e);
        }
    }

    /** The value that switches a variant off: {@code set: rbmPretraining = off}. */
    public static final String OFF = "off";

    /** Stands for the origin in the spec reader's message, which is then cut off. */
    private static final String MARK = "\u0000";

    /**
     * The spec reader's message without what only makes sense for a file: the origin and the line
     * and column in a JSON text the teacher never wrote.
     */
    static String reason(SpecException e) {
        String msg = e.getMessage() == null ? "refused" : e.getMessage();
        if (msg.startsWith(MARK)) {
            msg = msg.substring(MARK.length()).replaceFirst("^, line \\d+, column \\d+", "")
                    .replaceFirst("^, field [^:]+: ", "").replaceFirst("^: ", "");
        }
        return msg;
    }

    private static int positiveInteger(DesignSetting s, String origin) {
        try {
            int k = Integer.parseInt(s.value());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new LessonException(origin, s.line(), "set", s + ": the code size must be a whole number of at least 1");
    }

    /** Walks the path, creating objects that are missing (a variant switched on), and sets the leaf. */
    private static void set(ObjectNode root, DesignSetting s, String origin) {
        String[] parts = s.path().split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String name = parts[i];
            int index = -1;
            int bracket = name.indexOf('[');
            if (bracket >= 0) {
                index = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
                name = name.substring(0, bracket);
            }
            ObjectNode parent = (ObjectNode) node;
            if (index >= 0) {
                JsonNode array = parent.get(name);
                if (!(array instanceof ArrayNode a)) {
                    throw new LessonException(origin, s.line(), "set", s + ": " + name + " is not a list of layers");
                }
                if (index >= a.size()) {
                    throw new LessonException(origin, s.line(), "set", s + ": " + name + " has " + a.size()
                            + (a.size() == 1 ? " entry" : " entries") + ", numbered from 0; there is no [" + index + "]");
                }
                if (last) {
                    throw new LessonException(origin, s.line(), "set", s + ": name a field of " + name + "[" + index
                            + "], e.g. " + name + "[" + index + "].units");
                }
                node = requireObject(a.get(index), s, origin);
                continue;
            }
            if (last) {
                JsonNode old = parent.get(name);
                if (old != null && old.isContainerNode()) {
                    throw new LessonException(origin, s.line(), "set", s + ": " + s.path()
                            + " holds several fields; set one of them, e.g. " + s.path() + "." + firstField(old));
                }
                parent.set(name, value(s.value(), old));
            } else {
                JsonNode child = parent.get(name);
                if (child == null || child.isNull()) {
                    child = parent.putObject(name);
                }
                node = requireObject(child, s, origin);
            }
        }
    }

    private static JsonNode requireObject(JsonNode n, DesignSetting s, String origin) {
        if (!n.isObject()) {
            throw new LessonException(origin, s.line(), "set", s + ": part of the path is a single value, not a group of fields");
        }
        return n;
    }

    private static String firstField(JsonNode container) {
        if (container.isObject() && container.fieldNames().hasNext()) {
            return container.fieldNames().next();
        }
        return "units";
    }

    /** A number where a number is written, true or false, else the text (quotes removed). */
    static JsonNode value(String text, JsonNode old) {
        var f = ModelSpecJson.mapper().getNodeFactory();
        String t = text.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return f.textNode(t.substring(1, t.length() - 1));
        }
        if (t.equals("true") || t.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(t));
        }
        if (old == null || !old.isTextual()) {
            try {
                if (t.matches("[-+]?\\d+")) {
                    return f.numberNode(Long.parseLong(t));
                }
                return f.numberNode(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                // not a number: a word such as "gaussian"
            }
        }
        return f.textNode(t);
    }
}
