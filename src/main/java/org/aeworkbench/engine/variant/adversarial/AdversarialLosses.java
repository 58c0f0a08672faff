package org.aeworkbench.engine.variant.adversarial;

/**
 * The two losses of the adversarial autoencoder's regularisation phase (Makhzani et al. 2015,
 * section 2; the minimax game of Goodfellow et al., "Generative Adversarial Nets", NIPS 2014,
 * equation 1), on the discriminator's logits a, with D = sigmoid(a) the probability of "drawn
 * from the prior". Both are means over the n codes of a minibatch, with softplus(t) = log(1 + e^t)
 * so that -log sigmoid(a) = softplus(-a) and -log(1 - sigmoid(a)) = softplus(a) stay exact where D
 * saturates.
 */
public final class AdversarialLosses {

    private AdversarialLosses() {
    }

    /**
     * Discriminator loss on n prior draws (logits a_p, the first n) and n codes (a_q, the next n):
     * {@code L_D = 1/n sum_i [softplus(-a_p,i) + softplus(a_q,i)]}, the cross-entropy of telling
     * them apart; {@code dL_D/da_p = (sigmoid(a_p) - 1) / n}, {@code dL_D/da_q = sigmoid(a_q) / n},
     * written into {@code grad} (2n values) when it is not null.
     */
    public static double discriminator(float[] logits, int n, float[] grad) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double ap = logits[i];
            double aq = logits[n + i];
            loss += softplus(-ap) + softplus(aq);
            if (grad != null) {
                grad[i] = (float) ((sigmoid(ap) - 1) / n);
                grad[n + i] = (float) (sigmoid(aq) / n);
            }
        }
        return loss / n;
    }

    /**
     * Generator loss on n codes, the non-saturating form of Goodfellow et al. (section 3), which
     * gives the encoder strong gradients while the discriminator still wins:
     * {@code L_G = 1/n sum_i softplus(-a_q,i)} = -mean log D(q); {@code dL_G/da_q = (sigmoid(a_q) - 1) / n},
     * written into {@code grad} when it is not null.
     */
    public static double generator(float[] logits, int n, float[] grad) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double a = logits[i];
            loss += softplus(-a);
            if (grad != null) {
                grad[i] = (float) ((sigmoid(a) - 1) / n);
            }
        }
        return loss / n;
    }

    /** Share of {@code n} logits from {@code offset} on the side they belong to: a &gt; 0 for prior draws, a &lt; 0 for codes. */
    public static double accuracy(float[] logits, int offset, int n, boolean prior) {
        int right = 0;
        for (int i = offset; i < offset + n; i++) {
            if (prior ? logits[i] > 0 : logits[i] < 0) {
                right++;
            }
        }
        return right / (double) n;
    }

    /** log(1 + e^t) = max(t, 0) + log1p(e^-|t|), exact and never overflowing. */
    static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
