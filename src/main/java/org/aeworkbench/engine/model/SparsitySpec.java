package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Sparse autoencoder penalty on one layer's activations.
 *
 * @param kind   L1: weight * sum |h| per sample; KL: weight * sum_j KL(rho || rho_hat_j), where
 *               rho_hat_j is unit j's mean activation over the batch (Ng, "Sparse autoencoder",
 *               CS294A notes)
 * @param weight lambda for L1, beta for KL
 * @param rho    target mean activation for KL (needs activations in (0, 1), e.g. sigmoid)
 * @param layer  which encoder layer, 0-based; -1 means the code layer
 */
public record SparsitySpec(Kind kind, double weight, double rho, int layer) {

    public enum Kind {
        L1, KL;

        @JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        @JsonCreator
        public static Kind fromId(String text) {
            return EnumIds.parse(Kind.class, text, "sparsity kind");
        }
    }

    public SparsitySpec {
        kind = kind == null ? Kind.L1 : kind;
    }
}
