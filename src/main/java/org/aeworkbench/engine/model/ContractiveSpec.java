package org.aeworkbench.engine.model;

/**
 * Contractive penalty weight * ||J_f(x)||_F^2 on the encoder's Jacobian (Rifai et al. 2011).
 *
 * @param weight lambda
 */
public record ContractiveSpec(double weight) {
}
