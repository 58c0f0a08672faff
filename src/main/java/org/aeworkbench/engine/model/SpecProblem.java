package org.aeworkbench.engine.model;

/**
 * One reason a design cannot be trained.
 *
 * @param field   path of the offending field, e.g. "encoder[1].units" or "variational.beta"
 * @param message what is wrong and what to do, in a plain sentence
 */
public record SpecProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
