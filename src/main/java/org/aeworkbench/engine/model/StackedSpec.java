package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Greedy layer-wise pretraining (Bengio et al. 2007; Hinton and Salakhutdinov 2006 used RBMs):
 * each encoder layer is first trained as a shallow autoencoder on the codes of the layers below,
 * then the whole stack is fine-tuned. The phase is {@link StackedPretraining}.
 *
 * @param pretrainEpochs epochs per layer before fine-tuning
 */
public record StackedSpec(int pretrainEpochs) implements VariantSpec {

    public static final VariantType<StackedSpec> TYPE = new VariantType<>("stacked", StackedSpec.class, "Stacked",
            Map.of("pretrainEpochs", "Epochs of greedy pretraining per layer before fine-tuning"),
            List.of(new VariantType.Choice("Stacked", "Each encoder layer is first trained as a shallow autoencoder"
                    + " on the codes below it, then the stack is fine-tuned (Bengio et al. 2007).",
                    "layer l: min \u2113(h\u2097\u208b\u2081, g\u2097(f\u2097(h\u2097\u208b\u2081))),   then fine-tune L = \u2113(x, x\u0302)",
                    s -> s.with(new StackedSpec(2)))),
            5);

    /** Epochs per layer where a spec file gives none: 2, the designer's choice. */
    public static final int DEFAULT_PRETRAIN_EPOCHS = 2;

    @JsonCreator
    static StackedSpec fromJson(@JsonProperty("pretrainEpochs") Integer pretrainEpochs) {
        return new StackedSpec(pretrainEpochs == null ? DEFAULT_PRETRAIN_EPOCHS : pretrainEpochs);
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    @Override
    public void validate(SpecCheck check) {
        if (pretrainEpochs < 1) {
            check.problem("stacked.pretrainEpochs", "pretraining needs at least 1 epoch per layer");
        }
    }

    @Override
    public TrainingPhase trainingPhase(ModelSpec spec) {
        return new StackedPretraining(spec, pretrainEpochs);
    }
}
