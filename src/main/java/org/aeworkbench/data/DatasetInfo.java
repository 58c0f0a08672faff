package org.aeworkbench.data;

import org.aeworkbench.engine.tensor.Shape;

/**
 * What the registry says about a data set before loading it, for {@code data list} and the UI.
 *
 * @param name        registry name, as given to {@code --data}
 * @param samples     number of samples (for a generator, its default size)
 * @param shape       shape of one sample
 * @param classes     number of classes, 0 when unlabelled
 * @param description one line saying what the set is and what it shows
 * @param source      provenance and licence
 * @param parameters  for a generator, its parameters and defaults ("n=2000,seed=1"); empty otherwise
 */
public record DatasetInfo(String name, int samples, Shape shape, int classes, String description,
                          String source, String parameters) {

    public boolean labelled() {
        return classes > 0;
    }

    public boolean generated() {
        return !parameters.isEmpty();
    }
}
