package org.aeworkbench.ui.codes;

import org.aeworkbench.data.Dataset;

/**
 * The one line the application tabs (Anomaly, Retrieval, Clustering, Probe) show for data whose
 * labels name each sample rather than group samples into classes ({@link Dataset#labelsNameEachSample()}).
 */
public final class ClassesNeeded {

    private ClassesNeeded() {
    }

    /**
     * "Every sample of customers has a label of its own (Customer1, Customer2, ...): the labels name
     * the samples and form no classes, so {@code consequence}.", or null when the labels do form classes
     * (or there are none).
     */
    public static String note(Dataset all, String consequence) {
        if (all == null || !all.labelsNameEachSample()) {
            return null;
        }
        String examples = all.classNames().size() > 2
                ? all.classNames().get(0) + ", " + all.classNames().get(1) + ", \u2026"
                : String.join(", ", all.classNames());
        return "Every sample of " + all.name() + " has a label of its own (" + examples
                + "): the labels name the samples and form no classes, so " + consequence + ".";
    }
}
