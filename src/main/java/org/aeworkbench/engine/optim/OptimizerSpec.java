package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Optimiser settings as saved in a model spec. Fields not used by the chosen kind are ignored.
 *
 * @param kind          which optimiser
 * @param learningRate  base step size
 * @param momentum      for momentum and Nesterov
 * @param beta1         Adam's first-moment decay
 * @param beta2         Adam's second-moment decay, and RMSProp's decay
 * @param epsilon       added to denominators
 * @param weightDecay   L2 coefficient on weights (not biases)
 * @param schedule      learning-rate schedule over epochs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerSpec(OptimizerKind kind, double learningRate, double momentum, double beta1,
                            double beta2, double epsilon, double weightDecay, LearningRateSchedule schedule) {

    public OptimizerSpec {
        kind = kind == null ? OptimizerKind.ADAM : kind;
        schedule = schedule == null ? LearningRateSchedule.constant() : schedule;
    }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(OptimizerKind.ADAM, learningRate, 0.9, 0.9, 0.999, 1e-8, 0, null);
    }

    public static OptimizerSpec sgd(double learningRate, double momentum) {
        return new OptimizerSpec(momentum == 0 ? OptimizerKind.SGD : OptimizerKind.MOMENTUM, learningRate,
                momentum, 0.9, 0.999, 1e-8, 0, null);
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, momentum, beta1, beta2, epsilon, weightDecay, schedule);
    }

    public Optimizer build() {
        return switch (kind) {
            case SGD -> new Sgd(0f, false);
            case MOMENTUM -> new Sgd((float) momentum, false);
            case NESTEROV -> new Sgd((float) momentum, true);
            case ADAM -> new Adam((float) beta1, (float) beta2, (float) epsilon);
            case RMSPROP -> new RmsProp((float) beta2, (float) epsilon);
            case ADAGRAD -> new AdaGrad((float) epsilon);
        };
    }

    /** Learning rate for a 0-based epoch. */
    public float learningRateAt(int epoch, int epochs) {
        return (float) (learningRate * schedule.factor(epoch, epochs));
    }
}
