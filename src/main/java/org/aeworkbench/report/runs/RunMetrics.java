package org.aeworkbench.report.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The figures runs are compared by, in one place for the Runs tab's comparison table, the runs
 * CSV and the report: the last epoch's losses and error, each penalty term, epochs, time.
 */
public final class RunMetrics {

    public static final String TRAIN_LOSS = "train loss";
    public static final String VALIDATION_LOSS = "validation loss";
    public static final String VALIDATION_ERROR = "validation squared error";
    public static final String EPOCHS = "epochs";
    public static final String SECONDS = "seconds";

    private RunMetrics() {
    }

    /** The run's figures by name, in display order; a figure the run lacks is NaN. */
    public static Map<String, Double> of(RunRecord r) {
        Map<String, Double> m = new LinkedHashMap<>();
        RunEpoch last = r.last();
        m.put(TRAIN_LOSS, last.train());
        m.put(VALIDATION_LOSS, last.validation());
        m.put(VALIDATION_ERROR, last.validationError());
        new TreeSet<>(last.terms().keySet()).forEach(t -> m.put(t, last.terms().get(t)));
        m.put(EPOCHS, last.x());
        m.put(SECONDS, r.seconds());
        return m;
    }

    /** Every figure name any of the runs has, in display order (the terms of all runs, sorted, in the middle). */
    public static List<String> names(List<RunRecord> runs) {
        TreeSet<String> terms = new TreeSet<>();
        runs.forEach(r -> terms.addAll(r.last().terms().keySet()));
        List<String> names = new ArrayList<>(List.of(TRAIN_LOSS, VALIDATION_LOSS, VALIDATION_ERROR));
        names.addAll(terms);
        names.add(EPOCHS);
        names.add(SECONDS);
        return names;
    }
}
