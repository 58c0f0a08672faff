package org.aeworkbench.engine.model;

import java.util.List;
import java.util.Locale;
import org.aeworkbench.engine.core.Heap;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The memory a design takes, computed from its spec before anything is allocated, so that a
 * design too large for the heap is refused with a sentence naming its largest layer instead of
 * ending in an {@link OutOfMemoryError}. The figures are upper bounds of what the engine
 * allocates (the model-spec fuzz test holds the builder to them):
 * <ul>
 *   <li>to build and run: each parameter's value and gradient (8 bytes; a convolution that lowers
 *       by kn2row keeps a reordered copy of both, 8 more), and one pass of {@value #CHUNK} samples
 *       (each layer's {@link LayerSpec#passFloats});</li>
 *   <li>to train, besides: the optimiser's state arrays, the copy of the last good weights a
 *       diverging run falls back on, the best weights when early stopping is on, one pass of a
 *       training batch, and what the variant parts' own training steps hold
 *       ({@link VariantSpec#trainingBytes}).</li>
 * </ul>
 * A design with variant parts (a sampler, corruption, penalties) is allowed twice the pass memory
 * of its layers, for the stages those parts add.
 *
 * @param spec       the design
 * @param input      the shape of one sample it takes
 * @param rows       the layers with their shapes and parameter counts
 * @param parameters trainable parameters in all, shared weights once, variant parts' own included
 */
public record ModelFootprint(ModelSpec spec, Shape input, List<LayerRow> rows, long parameters) {

    /** Samples an inference pass runs at once ({@link Autoencoder}'s evaluation chunk). */
    static final int CHUNK = 256;

    /** The footprint of a design whose rows the validator found no problem in. */
    public static ModelFootprint of(ModelSpec spec, Shape input) {
        return new ModelFootprint(spec, input, SpecValidator.rows(spec, input), SpecValidator.parameterCount(spec, input));
    }

    /** Bytes the built model holds: weights, gradients, and one inference pass. */
    public long bytesToBuild() {
        return parameterBytes(2) + passBytes(CHUNK);
    }

    /**
     * Bytes a training run holds at its largest: {@link #bytesToBuild()} with the optimiser's
     * {@code optimizerArrays} per parameter, the weight copies, and a batch of {@code batch}.
     */
    public long bytesToTrain(int batch, int optimizerArrays) {
        int copies = 1 + (spec.training().patience() > 0 ? 1 : 0);
        long parts = 0;
        for (VariantSpec part : spec.variants()) {
            parts += part.trainingBytes(spec, rows, batch);
        }
        return parameterBytes(2 + optimizerArrays + copies) + passBytes(Math.max(batch, CHUNK))
                + (long) batch * input.size() * Float.BYTES + parts;
    }

    /**
     * Refuses a design that cannot be built in {@code available} bytes, naming its largest layer.
     *
     * @throws SpecException on the largest layer's field, saying what it needs and what to change
     */
    public void requireBuildable(long available) {
        long needed = bytesToBuild();
        if (needed > available) {
            throw refusal("to build", needed, available, "", CHUNK);
        }
    }

    /** {@link #requireBuildable(long)} against what the heap can still hold. */
    public void requireBuildable() {
        requireBuildable(Heap.availableFor(bytesToBuild()));
    }

    /**
     * As {@link #requireBuildable()}, for training the built model with batches of {@code batch}:
     * its weights and gradients are already held, so what the heap must still give is the rest.
     */
    public void requireTrainable(int batch, int optimizerArrays) {
        long held = parameterBytes(2);
        long rest = Math.max(0, bytesToTrain(batch, optimizerArrays) - held);
        requireTrainable(batch, optimizerArrays, Heap.availableFor(rest) + held);
    }

    /** As {@link #requireBuildable(long)}, for training with batches of {@code batch}. */
    public void requireTrainable(int batch, int optimizerArrays, long available) {
        long needed = bytesToTrain(batch, optimizerArrays);
        if (needed > available) {
            throw refusal(String.format(Locale.ROOT, "to train in batches of %,d", batch), needed, available,
                    " or the batch smaller", Math.max(batch, CHUNK));
        }
    }

    private SpecException refusal(String what, long needed, long available, String alsoFix, int samples) {
        String message = String.format(Locale.ROOT, "the design '%s' needs %s %s but only %s of memory is free",
                spec.name(), Heap.describe(needed), what, Heap.describe(available));
        LayerRow largest = largest();
        if (largest == null) {
            return new SpecException("", message + ": make the design smaller" + alsoFix);
        }
        long perSample = largest.spec().passFloats(largest.input(), 1);
        return new SpecException(largest.field(), message + String.format(Locale.ROOT, ": %s (%s%s) alone has %,d"
                        + " parameters (%s with their gradients) and holds %,d values per sample in a pass (%s for %,d"
                        + " samples); make %s smaller%s, or start Java with -Xmx%dg or more", largest.field(),
                largest.spec().kind(), largest.spec().units() > 0 ? ", " + largest.spec().units() + " units" : "",
                largest.parameters(), Heap.describe(largest.parameters() * 2 * Float.BYTES), perSample,
                Heap.describe(perSample * samples * Float.BYTES), samples, largest.field(), alsoFix,
                Heap.gigabytesFor(needed)));
    }

    /** The layer with the most parameters, or with the widest pass when none has parameters. */
    private LayerRow largest() {
        LayerRow best = null;
        for (LayerRow r : rows) {
            if (r.output() != null && (best == null || weight(r) > weight(best))) {
                best = r;
            }
        }
        return best;
    }

    private static double weight(LayerRow r) {
        return r.parameters() + (double) r.spec().passFloats(r.input(), 1);
    }

    private long parameterBytes(int arraysPerParameter) {
        long bytes = parameters * arraysPerParameter * Float.BYTES;
        for (LayerRow r : rows) {
            if (r.spec() instanceof Conv2DSpec) {
                bytes += r.parameters() * 2 * Float.BYTES; // kn2row's reordered kernel and its gradient
            }
        }
        return bytes;
    }

    private long passBytes(int samples) {
        long floats = 0;
        for (LayerRow r : rows) {
            if (r.output() != null) {
                floats += r.spec().passFloats(r.input(), samples);
            }
        }
        floats += (long) samples * input.size(); // the chunk copied in
        return (spec.variants().isEmpty() ? 1 : 2) * floats * Float.BYTES;
    }
}
