package org.aeworkbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.SpecItem;

/** The property sheet's read-only Data rows: the set, its size and shape, the split, the value range. */
final class DataItems {

    private final WorkbenchModel wb;

    DataItems(WorkbenchModel wb) {
        this.wb = wb;
    }

    List<SpecItem> items() {
        List<SpecItem> items = new ArrayList<>();
        PreparedData d = wb.data().current();
        if (d == null) {
            items.add(row("data.none", "Data set", wb.data().status().isEmpty() ? "none" : wb.data().status()));
            return items;
        }
        Dataset all = d.all();
        ModelSpec spec = wb.design().spec();
        PreparedData.TrainSplit split = d.split(spec.training().validationFraction(), spec.training().seed());
        items.add(row("data.name", "Data set", all.name()));
        items.add(row("data.samples", "Samples", String.format("%,d (%,d train / %,d validation)", all.samples(),
                split.train().samples(), split.validation().samples())));
        if (d.splitNote() != null) {
            items.add(row("data.split", "Split", d.splitNote()));
        }
        items.add(row("data.shape", "Sample shape", all.sampleShape() + (all.sampleShape().isVector() ? "" : " = " + all.features())));
        items.add(row("data.labels", "Labels", all.hasLabels() ? all.classNames().size() + " classes" : "none"));
        DataReference ref = d.reference();
        items.add(new SpecItem("data.scaling", "Data", "Scaling", "How values are rescaled before training, fitted on the"
                + " training split: auto divides bytes by 255, leaves values in [0, 1] alone, min-max scales other data"
                + " for BCE and leaves it alone otherwise (as --scale does on the command line)", ScaleChoice.class,
                ref.scaling(), v -> wb.loadData(ref.withScaling((ScaleChoice) v))));
        items.add(row("data.prepared", "Prepared", d.preparation().line()));
        items.add(new SpecItem("data.limit", "Data", "Use at most", "Samples drawn from the set (0 = all); fewer train faster",
                int.class, ref.limit(), v -> wb.loadData(ref.withLimit(Math.max(0, (Integer) v)))));
        items.add(row("data.range", "Values", d.inUnitInterval() ? "training values in [0, 1]"
                : "outside [0, 1]: use MSE, or scale them (minmax) for BCE"));
        items.add(row("data.source", "Source", all.source()));
        return items;
    }

    private static SpecItem row(String key, String name, String value) {
        return new SpecItem(key, "Data", name, name, String.class, value, null);
    }
}
