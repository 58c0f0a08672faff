package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.aeworkbench.engine.core.EnumIds;

/** The optimisers a model spec can name. */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, ADAM, RMSPROP, ADAGRAD;

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static OptimizerKind fromId(String text) {
        return EnumIds.parse(OptimizerKind.class, text, "optimizer");
    }
}
