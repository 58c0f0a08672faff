package org.aeworkbench.analysis.probe;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.engine.blas.Gemm;

/**
 * The linear probe on several representations and label budgets: for each number of labels the
 * same labelled training samples are used for every representation, so the rows compare
 * representations, not draws. The window and the {@code probe} command both call this.
 */
public final class ProbeComparison {

    /** The label budgets the window shows: 100, 1,000 and all (0 stands for all). */
    public static final int[] BUDGETS = {100, 1000, 0};

    private ProbeComparison() {
    }

    /**
     * @param budgets labels to use, 0 for every training label
     * @return one result per representation and budget, budgets in the outer loop
     */
    public static List<ProbeResult> run(Gemm gemm, List<Features> methods, int[] trainLabels, int[] testLabels,
                                        int[] budgets, long seed) {
        int classes = 0;
        for (int l : trainLabels) {
            classes = Math.max(classes, l + 1);
        }
        for (int l : testLabels) {
            classes = Math.max(classes, l + 1);
        }
        List<ProbeResult> out = new ArrayList<>();
        for (int budget : budgets) {
            int[] labelled = LabelledSubset.draw(trainLabels, budget <= 0 ? trainLabels.length : budget, seed);
            for (Features f : methods) {
                out.add(LinearProbe.run(gemm, f, trainLabels, testLabels, labelled, Math.max(2, classes), seed));
            }
        }
        return out;
    }
}
