package org.aeworkbench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.aeworkbench.engine.loss.ReconstructionLoss;

/**
 * How data is prepared for a model, and why: a fitted {@link Preprocessing} (the scaling and the
 * statistics of the training data it uses) with the reason {@link ScalingRule} gave. It is fitted
 * once, on the training split only, and applied unchanged to validation and test data and, through
 * the model file that records it, to every set the trained model is later applied to.
 *
 * @param preprocessing the fitted rescaling
 * @param reason        why it was chosen ("auto: unsigned bytes", "chosen", "recorded in vae.aem")
 */
public record Preparation(Preprocessing preprocessing, String reason) {

    /** The key of the record in a model file's header (and in a project's data section). */
    public static final String KEY = "preparation";

    public Preparation {
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(reason, "reason");
    }

    /** Data used as loaded. */
    public static Preparation none(String reason) {
        return new Preparation(Preprocessing.none(), reason);
    }

    /** Decides by {@link ScalingRule} and fits the scaling's statistics on {@code train} alone. */
    public static Preparation fit(ScaleChoice choice, Dataset train, ReconstructionLoss loss) {
        ScalingRule.Decision d = ScalingRule.decide(choice, train, loss);
        return new Preparation(Preprocessing.fit(d.scaling(), train), d.reason());
    }

    public Scaling scaling() {
        return preprocessing.scaling();
    }

    /** What was done and why: "divide by 255 (auto: unsigned bytes)". */
    public String description() {
        return scaling().label() + " (" + reason + ")";
    }

    /** The first line a command prints: "scaling: divide by 255 (auto: unsigned bytes)". */
    public String line() {
        return "scaling: " + description();
    }

    /** The same scaling and statistics, with another reason (a model file's name, when applied from it). */
    public Preparation because(String newReason) {
        return new Preparation(preprocessing, newReason);
    }

    /** {@code set} rescaled; {@code set} itself is left as it was (and returned as it is for "none"). */
    public Dataset apply(Dataset set) {
        return preprocessing.apply(set);
    }

    /** Every part of a split rescaled alike. */
    public Split apply(Split split) {
        return new Split(apply(split.train()), apply(split.validation()), apply(split.test()), split.note());
    }

    /**
     * The record a model file keeps: {@code {"scaling": "minmax", "reason": ..., "offset": [...],
     * "scale": [...]}}, where a value x is prepared as (x - offset[j]) / scale[j]: for minmax the
     * offset is the training minimum and the scale the range (1 for a constant feature), for
     * zscore the mean and the population standard deviation, for 255 offset 0 and scale 255.
     * Numbers are written as the doubles equal to the floats applied, so they read back bit for bit.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scaling", ScaleChoice.of(scaling()).id());
        o.put("reason", reason);
        if (scaling() != Scaling.NONE) {
            ArrayNode offset = o.putArray("offset");
            for (float v : preprocessing.offset()) {
                offset.add((double) v);
            }
            ArrayNode scale = o.putArray("scale");
            for (float v : preprocessing.scale()) {
                scale.add((double) v);
            }
        }
        return o;
    }

    /**
     * Reads {@link #toJson()}'s record; a missing one (files written before models recorded their
     * preparation) is "none".
     *
     * @param where the file, named in messages
     * @throws DataException naming the file and field when the record is damaged
     */
    public static Preparation fromJson(JsonNode node, String where) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return none("not recorded: the file predates recorded preparations");
        }
        ScaleChoice choice;
        try {
            choice = ScaleChoice.parse(node.path("scaling").asText(""));
        } catch (BadParameterException e) {
            throw new DataException(where + ": damaged preparation record (" + KEY + ".scaling: " + e.getMessage() + ")");
        }
        if (choice == ScaleChoice.AUTO) {
            throw new DataException(where + ": damaged preparation record (" + KEY + ".scaling is 'auto', not a fitted scaling)");
        }
        String reason = node.path("reason").asText("recorded");
        if (choice == ScaleChoice.NONE) {
            return none(reason);
        }
        float[] offset = floats(node.path("offset"), where, "offset");
        float[] scale = floats(node.path("scale"), where, "scale");
        if (offset.length != scale.length || offset.length == 0) {
            throw new DataException(where + ": damaged preparation record (" + offset.length + " offsets and "
                    + scale.length + " scales)");
        }
        for (float s : scale) {
            if (!(s != 0 && Float.isFinite(s))) {
                throw new DataException(where + ": damaged preparation record (a scale of " + s + ")");
            }
        }
        return new Preparation(new Preprocessing(choice.fixed(), offset, scale), reason);
    }

    private static float[] floats(JsonNode array, String where, String field) {
        if (!array.isArray()) {
            throw new DataException(where + ": damaged preparation record (" + KEY + "." + field + " is not a list of numbers)");
        }
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = array.get(i);
            if (!n.isNumber() || !Float.isFinite((float) n.doubleValue())) {
                throw new DataException(where + ": damaged preparation record (" + KEY + "." + field + "[" + i + "])");
            }
            v[i] = (float) n.doubleValue();
        }
        return v;
    }
}
