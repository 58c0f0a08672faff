package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** From a spec file: a factor of 1 every epoch where the file says nothing (no decay). */
    @JsonCreator
    static LearningRateSchedule fromJson(@JsonProperty("kind") Kind kind, @JsonProperty("gamma") Double gamma,
                                         @JsonProperty("every") Integer every) {
        return new LearningRateSchedule(kind, gamma == null ? 1 : gamma, every == null ? 1 : every);
    }

    /** Reports each value outside its range as (field, message). */
    public void validate(java.util.function.BiConsumer<String, String> problem) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            problem.accept("gamma", "the decay factor gamma must be a number above 0, not " + gamma);
        }
        if (every < 1) {
            problem.accept("every", "the step schedule needs at least 1 epoch per step, not " + every);
        }
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 1, 1);
    }

    /** Half a cosine from 1 at the first epoch towards 0 at the last (Loshchilov and Hutter's SGDR without restarts). */
    public static LearningRateSchedule cosine() {
        return new LearningRateSchedule(Kind.COSINE, 1, 1);
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
