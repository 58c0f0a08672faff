package org.aeworkbench.analysis.anomaly;

import java.util.Locale;
import org.aeworkbench.data.BadParameterException;

/**
 * What a trained autoencoder's anomaly score is. A model trained on normal data only reconstructs
 * normal data well and the rest badly, so a high score marks an anomaly (Japkowicz, Myers and
 * Gluck 1995; Hawkins et al. 2002; Sakurada and Yairi 2014).
 */
public enum AnomalyScore {

    /** The summed squared error of the reconstruction, sum_j (x_j - x'_j)^2: PCA's score too. */
    RECON("recon", "reconstruction error"),

    /**
     * A VAE's negative ELBO in nats: the reconstruction loss at the posterior mean plus
     * KL(q(z|x) || N(0, I)) (Kingma and Welling 2014; as an anomaly score, An and Cho 2015).
     */
    ELBO("elbo", "negative ELBO");

    private final String id;
    private final String title;

    AnomalyScore(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static AnomalyScore parse(String text) {
        for (AnomalyScore s : values()) {
            if (s.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new BadParameterException("--score " + text + ": unknown score; use recon (reconstruction error) or elbo (a VAE's negative ELBO)");
    }
}
