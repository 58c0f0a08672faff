package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The data sets the workbench offers by name, so the CLI ({@code --data mnist}) and the UI list
 * the same ones. Bundled sets load from {@code sample-data/}; generators take parameters after a
 * colon, e.g. {@code curves:n=2000,seed=3} (see {@link GeneratorParameters}).
 */
public final class DatasetRegistry {

    private record Entry(DatasetInfo info, Set<String> parameterKeys, Function<GeneratorParameters, Dataset> loader) {
    }

    private DatasetRegistry() {
    }

    /** Every registered set, in display order. */
    public static List<DatasetInfo> list() {
        return entries().values().stream().map(Entry::info).toList();
    }

    /** Whether {@code spec} names a registered set (parameters after a colon are not checked here). */
    public static boolean contains(String spec) {
        return entries().containsKey(GeneratorParameters.parse(spec).name());
    }

    /** Loads a registered set by name, with generator parameters if given. */
    public static Dataset load(String spec) {
        GeneratorParameters params = GeneratorParameters.parse(spec);
        Entry entry = entries().get(params.name());
        if (entry == null) {
            throw new DataException("'" + params.name() + "' is not a bundled data set (those are: "
                    + String.join(", ", entries().keySet()) + ") nor a file that exists");
        }
        params.requireOnly(entry.parameterKeys());
        return entry.loader().apply(params);
    }

    /** Info for one registered name, or null. */
    public static DatasetInfo info(String name) {
        Entry e = entries().get(GeneratorParameters.parse(name).name());
        return e == null ? null : e.info();
    }

    private static Map<String, Entry> entries() {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(new DatasetInfo("mnist", 10_000, Shape.image(28, 28, 1), 10,
                "handwritten digits 0-9, 28x28 grayscale in [0,1]", BundledSets.MNIST_SOURCE, ""),
                Set.of(), p -> BundledSets.mnist()));
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : list) {
            map.put(e.info().name(), e);
        }
        return map;
    }
}
