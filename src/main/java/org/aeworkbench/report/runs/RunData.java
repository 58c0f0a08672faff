package org.aeworkbench.report.runs;

/**
 * The data a run trained on, as a run record keeps it: where it came from and how it was prepared,
 * not the values themselves.
 *
 * @param source            a bundled set's name or a file's path
 * @param limit             at most this many samples were drawn (0: all)
 * @param subsetSeed        seeded the draw of those samples
 * @param scaling           the scaling asked for ("auto", "minmax"...)
 * @param preparation       what was done to the values and why, as the Data section says it
 * @param trainSamples      samples trained on
 * @param validationSamples samples held out for validation
 */
public record RunData(String source, int limit, long subsetSeed, String scaling, String preparation, int trainSamples,
                      int validationSamples) {

    /** "mnist, 1,800 train / 200 validation". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s, %,d train / %,d validation", source, trainSamples, validationSamples);
    }
}
