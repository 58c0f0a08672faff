package org.aeworkbench.data;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Turns arrays read from IDX or NPY files into data sets: the first dimension counts samples, the
 * rest is the sample shape ([n, h, w] is n grayscale images, [n, h, w, c] images with channels,
 * [n, f] vectors, [n] one value per sample).
 */
final class ArrayDatasets {

    private ArrayDatasets() {
    }

    /** The sample shape an array's dimensions describe. */
    static Shape sampleShape(int[] dims, String name) {
        return switch (dims.length) {
            case 1 -> Shape.vector(1);
            case 2 -> Shape.vector(positive(dims[1], name));
            case 3 -> Shape.image(positive(dims[1], name), positive(dims[2], name), 1);
            case 4 -> Shape.image(positive(dims[1], name), positive(dims[2], name), positive(dims[3], name));
            default -> throw new DataException(name + ": has " + dims.length + " dimensions; a data file"
                    + " needs 1 to 4 (samples, then height, width, channels)");
        };
    }

    /** @param source the file path (named in messages) or a bundled set's provenance */
    static Dataset toDataset(NumericArray array, String name, String source) {
        if (array.dims()[0] == 0) {
            throw new DataException(source + ": holds no samples (the first dimension is 0)");
        }
        Shape shape = sampleShape(array.dims(), source);
        return new Dataset(name, shape, array.values(), null, List.of(), source, array.unsignedBytes());
    }

    /** Attaches labels from a one-dimensional array holding one label per sample. */
    static Dataset withLabels(Dataset set, NumericArray labels, String labelsName) {
        if (labels.dims().length != 1) {
            throw new DataException(labelsName + ": a labels file has one dimension (one label per sample),"
                    + " this one has " + labels.dims().length + "; did you swap the data and labels files?");
        }
        if (labels.dims()[0] != set.samples()) {
            throw new DataException(labelsName + ": holds " + labels.dims()[0] + " labels but "
                    + set.name() + " has " + set.samples() + " samples; give the labels file that belongs"
                    + " to this data file");
        }
        double[] raw = new double[labels.values().length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = labels.values()[i];
        }
        Labels.Encoded encoded = Labels.fromNumbers(raw);
        return set.withLabels(encoded.labels(), encoded.classNames());
    }

    private static int positive(int d, String name) {
        if (d < 1) {
            throw new DataException(name + ": a sample dimension is 0; the file holds no values per sample");
        }
        return d;
    }
}
