package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aeworkbench.engine.core.EnumIds;

/**
 * The optimisers a model spec can name, one line each: the settings record it reads, and the
 * learning rate it takes when a spec leaves it out (the paper's, or the common one for SGD).
 * A new optimiser is its update rule (a {@link StatefulOptimizer}), its settings record, and a
 * line here.
 */
public enum OptimizerKind {
    SGD(SgdSettings.class, SgdSettings::from, 0.01),
    MOMENTUM(MomentumSettings.class, MomentumSettings::from, 0.01),
    NESTEROV(MomentumSettings.class, MomentumSettings::from, 0.01),
    ADAM(AdamSettings.class, AdamSettings::from, 1e-3),
    RMSPROP(RmsPropSettings.class, RmsPropSettings::from, 1e-3),
    ADAGRAD(AdaGradSettings.class, AdaGradSettings::from, 0.01);

    private final Class<? extends OptimizerSettings> settings;
    private final Function<Map<String, Double>, OptimizerSettings> read;
    private final double defaultLearningRate;

    OptimizerKind(Class<? extends OptimizerSettings> settings, Function<Map<String, Double>, OptimizerSettings> read,
                  double defaultLearningRate) {
        this.settings = settings;
        this.read = read;
        this.defaultLearningRate = defaultLearningRate;
    }

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static OptimizerKind fromId(String text) {
        return EnumIds.parse(OptimizerKind.class, text, "optimizer");
    }

    /** This kind's settings from the values a spec gives, by field name; the paper's defaults for the rest. */
    public OptimizerSettings settings(Map<String, Double> given) {
        return read.apply(given);
    }

    /** This kind's settings with every default. */
    public OptimizerSettings defaults() {
        return settings(Map.of());
    }

    /** Whether {@code s} configures this kind. */
    public boolean accepts(OptimizerSettings s) {
        return settings.isInstance(s);
    }

    /** The learning rate a spec that gives none trains with. */
    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    /** The field names of this kind's settings, as in a spec file. */
    public List<String> fields() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : settings.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }
}
