package org.aeworkbench.report.runs;

import java.util.Map;

/**
 * One completed epoch of a run.
 *
 * @param x               the epoch's end in epochs of training proper since the weights were drawn (a continued run
 *                        goes on from there; pretraining epochs are not counted, so fine-tuning starts at 1)
 * @param train           training loss (the objective, all terms)
 * @param validation      validation loss, NaN without validation samples
 * @param validationError validation reconstruction error, mean summed squared error per sample, NaN without
 * @param terms           the training loss's penalty terms by name (KL, sparsity, contractive...)
 */
public record RunEpoch(double x, double train, double validation, double validationError, Map<String, Double> terms) {

    public RunEpoch {
        terms = Map.copyOf(terms);
    }
}
