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
        return entries().containsKey(GeneratorParameters.nameOf(spec));
    }

    /** Loads a registered set by name, with generator parameters if given. */
    public static Dataset load(String spec) {
        GeneratorParameters params = GeneratorParameters.parse(spec);
        Entry entry = entries().get(params.name());
        if (entry == null) {
            throw new BadParameterException("'" + params.name() + "' is not a bundled data set (those are: "
                    + String.join(", ", entries().keySet()) + ") nor a file that exists");
        }
        params.requireOnly(entry.parameterKeys());
        return entry.loader().apply(params);
    }

    /** Info for one registered name, or null. */
    public static DatasetInfo info(String name) {
        Entry e = entries().get(GeneratorParameters.nameOf(name));
        return e == null ? null : e.info();
    }

    private static Entry bundled(DatasetInfo info, Function<GeneratorParameters, Dataset> loader) {
        return new Entry(info, Set.of(), loader);
    }

    private static Map<String, Entry> entries() {
        List<Entry> list = new ArrayList<>();
        Shape mnistShape = Shape.image(28, 28, 1);
        list.add(bundled(new DatasetInfo("mnist", 10_000, mnistShape, 10,
                "handwritten digits 0-9, 28x28 grayscale in [0,1]", BundledSets.MNIST_SOURCE, ""),
                p -> BundledSets.mnist()));
        list.add(bundled(new DatasetInfo("fashion-mnist", 10_000, mnistShape, 10,
                "clothing in 10 classes (Fashion-MNIST test split), 28x28 grayscale in [0,1]",
                BundledSets.FASHION_SOURCE, ""), p -> BundledSets.fashionMnist()));
        if (BundledSets.fashionFullInstalled(BundledSets.FASHION_SYSTEM_DIR)) {
            list.add(bundled(new DatasetInfo("fashion-mnist-full", 70_000, mnistShape, 10,
                    "all 70,000 Fashion-MNIST images (60,000 train then 10,000 test) from the installed package",
                    "Fashion-MNIST by Zalando Research, MIT; " + BundledSets.FASHION_SYSTEM_DIR, ""),
                    p -> BundledSets.fashionMnistFull(BundledSets.FASHION_SYSTEM_DIR)));
        }
        list.add(bundled(new DatasetInfo("digits", 1_797, Shape.image(8, 8, 1), 10,
                "handwritten digits 0-9, 8x8 with values 0..16 (UCI optical digits)",
                BundledSets.SKLEARN_SOURCE, ""), p -> BundledSets.digits()));
        list.add(bundled(new DatasetInfo("iris", 150, Shape.vector(4), 3,
                "Fisher's iris: 4 flower measurements in cm, 3 species", BundledSets.SKLEARN_SOURCE, ""),
                p -> BundledSets.iris()));
        list.add(bundled(new DatasetInfo("customers", 5, Shape.vector(6), 5,
                "5 customers x 6 products bought (0/1): every number readable by eye",
                "hand-made teaching example", ""), p -> BundledSets.customers()));
        list.add(new Entry(CurvesGenerator.info(), CurvesGenerator.PARAMETERS, CurvesGenerator::generate));
        list.add(new Entry(SwissRollGenerator.info(), SwissRollGenerator.PARAMETERS, SwissRollGenerator::generate));
        list.add(new Entry(BlobsGenerator.info(), BlobsGenerator.PARAMETERS, BlobsGenerator::generate));
        list.add(new Entry(TwoMoonsGenerator.info(), TwoMoonsGenerator.PARAMETERS, TwoMoonsGenerator::generate));
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : list) {
            map.put(e.info().name(), e);
        }
        return map;
    }
}
