package org.aeworkbench.ui.run;

import java.util.function.Function;
import org.aeworkbench.engine.model.Autoencoder;

/**
 * One view's private model, refreshed from snapshots by copying weights rather than rebuilding
 * the layers. Uses are serialised, since a model is not thread-safe.
 */
public final class ModelCache {

    private Autoencoder model;

    /** Runs {@code work} on a model holding the snapshot's weights; call from background threads. */
    public synchronized <T> T with(ModelSnapshot snapshot, Function<Autoencoder, T> work) {
        if (!snapshot.fits(model)) {
            model = snapshot.build();
        } else {
            snapshot.loadInto(model);
        }
        return work.apply(model);
    }
}
