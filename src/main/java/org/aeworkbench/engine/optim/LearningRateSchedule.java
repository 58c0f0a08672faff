package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.aeworkbench.engine.core.EnumIds;

/**
 * Multiplier of the base learning rate per epoch.
 *
 * @param kind       constant, step (times gamma every {@code every} epochs), exponential
 *                   (times gamma each epoch) or cosine (half a cosine from 1 to 0 over the run)
 * @param gamma      decay factor for step and exponential
 * @param every      epochs per step
 */
public record LearningRateSchedule(Kind kind, double gamma, int every) {

    public enum Kind {
        CONSTANT, STEP, EXPONENTIAL, COSINE;

        @JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        @JsonCreator
        public static Kind fromId(String text) {
            return EnumIds.parse(Kind.class, text, "schedule");
        }
    }

    public LearningRateSchedule {
        kind = kind == null ? Kind.CONSTANT : kind;
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 1, 1);
    }

    public double factor(int epoch, int epochs) {
        return switch (kind) {
            case CONSTANT -> 1;
            case STEP -> Math.pow(gamma, epoch / Math.max(1, every));
            case EXPONENTIAL -> Math.pow(gamma, epoch);
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs)));
        };
    }
}
