package org.aeworkbench.cli.bench;

/**
 * One line of the fidelity report.
 *
 * @param name      what is reproduced, e.g. "hinton-2006 30-D vs PCA"
 * @param metric    what the numbers measure
 * @param ours      our value
 * @param reference what it is compared with (a published value, PCA, or the model without the variant)
 * @param pytorch   PyTorch's value on the same data and epochs, or NaN when no script produces one
 * @param criterion the stated tolerance, in words
 * @param pass      whether {@code ours} meets it
 * @param setting   epochs, batch and anything else needed to rerun it
 */
public record FidelityRow(String name, String metric, double ours, String reference, double pytorch,
                          String criterion, boolean pass, String setting) {
}
