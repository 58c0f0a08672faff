package org.aeworkbench.lesson;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The conditions a step can wait for: the documented list (docs/lessons.md), each with the
 * argument it takes and what it means. The window observes them; Show me makes each come true
 * the way a student would (presses Train, opens the tab, clicks a point).
 */
public enum ConditionKind {
    NONE("none", Argument.NONE, "nothing to wait for: Next is offered at once"),
    TAB("tab", Argument.TAB, "the named centre tab is shown"),
    PRESET("preset", Argument.PRESET, "the design is the named preset"),
    TRAINED_EPOCHS("trained-epochs", Argument.COUNT,
            "the design as it is now has trained at least N epochs on the current data, and no run is going"),
    VALIDATION_LOSS_BELOW("validation-loss-below", Argument.NUMBER,
            "the newest validation loss of the design as it is now is below X, and no run is going"),
    CLICKED_CLASS("clicked-class", Argument.TEXT,
            "a point of the named class (as the data names it, e.g. 7 or Customer3) was clicked in the Latent space tab"),
    LATENT_SCORES("latent-scores", Argument.NONE,
            "the Latent space tab shows the scores of the current model beside PCA's (reconstruction error, kNN accuracy, trustworthiness)"),
    RUNS_COMPARED("runs-compared", Argument.COUNT, "at least N runs are selected together in the Runs tab, their curves overlaid"),
    ANOMALY_SCORED("anomaly-scored", Argument.NONE, "the Anomaly tab has trained its model and scored the held-out samples"),
    RETRIEVAL_QUERIED("retrieval-queried", Argument.NONE,
            "the Retrieval tab shows a query's nearest training samples by the current model's code, by PCA and by raw input"),
    CLUSTERED("clustered", Argument.NONE,
            "the Clustering tab has run k-means on the current model's codes, PCA codes and raw inputs"),
    PROBED("probed", Argument.NONE,
            "the Probe tab has fitted its linear classifiers on the current model's codes, PCA codes and raw inputs"),
    ANSWERED("answered", Argument.NONE, "the step's answer has been shown");

    /** What follows the condition's name. */
    public enum Argument {
        NONE(""), COUNT("N, a whole number of at least 1"), NUMBER("X, a number"), TEXT("a name"),
        TAB("a tab's title"), PRESET("a preset's name");

        private final String description;

        Argument(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String id;
    private final Argument argument;
    private final String meaning;

    ConditionKind(String id, Argument argument, String meaning) {
        this.id = id;
        this.argument = argument;
        this.meaning = meaning;
    }

    /** The name a lesson file writes. */
    public String id() {
        return id;
    }

    public Argument argument() {
        return argument;
    }

    /** One sentence: when the condition holds. */
    public String meaning() {
        return meaning;
    }

    /** The kind a lesson file names, or null. */
    public static ConditionKind of(String id) {
        for (ConditionKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }

    /** "none, tab, preset, ..." for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(ConditionKind::id).collect(Collectors.joining(", "));
    }
}
