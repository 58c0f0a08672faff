package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.function.BiConsumer;

/**
 * Optimiser settings as saved in a model spec, one flat object:
 * {@code {"kind": "adam", "learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
 * "weightDecay": 0, "schedule": {...}}}. What every optimiser has is here; what one optimiser
 * has is its own {@link OptimizerSettings} record. See {@link OptimizerSpecCodec} for the file form.
 *
 * @param kind         which optimiser
 * @param learningRate base step size
 * @param weightDecay  L2 coefficient on weights (not biases)
 * @param schedule     learning-rate schedule over epochs
 * @param settings     the optimiser's own settings; settings of another kind are replaced by this kind's defaults
 */
@JsonSerialize(using = OptimizerSpecCodec.Writer.class)
@JsonDeserialize(using = OptimizerSpecCodec.Reader.class)
public record OptimizerSpec(OptimizerKind kind, double learningRate, double weightDecay, LearningRateSchedule schedule,
                            OptimizerSettings settings) {

    public OptimizerSpec {
        kind = kind == null ? OptimizerKind.ADAM : kind;
        schedule = schedule == null ? LearningRateSchedule.constant() : schedule;
        settings = settings != null && kind.accepts(settings) ? settings : kind.defaults();
    }

    /** Adam with the paper's settings. */
    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(OptimizerKind.ADAM, learningRate, 0, null, AdamSettings.DEFAULTS);
    }

    /** Plain SGD for {@code momentum} 0, else classical momentum. */
    public static OptimizerSpec sgd(double learningRate, double momentum) {
        return momentum == 0 ? new OptimizerSpec(OptimizerKind.SGD, learningRate, 0, null, new SgdSettings())
                : new OptimizerSpec(OptimizerKind.MOMENTUM, learningRate, 0, null, new MomentumSettings(momentum));
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, weightDecay, schedule, settings);
    }

    public OptimizerSpec withWeightDecay(double decay) {
        return new OptimizerSpec(kind, learningRate, decay, schedule, settings);
    }

    public OptimizerSpec withSchedule(LearningRateSchedule s) {
        return new OptimizerSpec(kind, learningRate, weightDecay, s, settings);
    }

    /** Another kind, with that kind's default settings (and these when they fit it). */
    public OptimizerSpec withKind(OptimizerKind k) {
        return new OptimizerSpec(k, learningRate, weightDecay, schedule, settings);
    }

    public OptimizerSpec withSettings(OptimizerSettings s) {
        return new OptimizerSpec(kind, learningRate, weightDecay, schedule, s);
    }

    public Optimizer build() {
        return settings.build(kind);
    }

    /** Learning rate for a 0-based epoch. */
    public float learningRateAt(int epoch, int epochs) {
        return (float) (learningRate * schedule.factor(epoch, epochs));
    }

    /** Reports each value outside its range as (field, message), fields named as in a spec file. */
    public void validate(BiConsumer<String, String> problem) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problem.accept("learningRate", "the learning rate must be a positive number, such as "
                    + kind.defaultLearningRate() + ", not " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            problem.accept("weightDecay", "weight decay must be a number >= 0, not " + weightDecay);
        }
        settings.validate(problem);
        schedule.validate((field, message) -> problem.accept("schedule." + field, message));
    }
}
