package org.aeworkbench.lesson;

/**
 * What a step waits for before it offers Next: one of the {@link ConditionKind}s with its
 * argument, already checked by the parser (a count is a whole number, a tab exists...).
 *
 * @param kind     which condition
 * @param argument the text after its name ("5", "Latent space"), empty when it takes none
 * @param line     the line it was written on, 0 when the step gave none
 */
public record Condition(ConditionKind kind, String argument, int line) {

    public static final Condition NONE = new Condition(ConditionKind.NONE, "", 0);

    /** The argument of a {@link ConditionKind.Argument#COUNT} condition. */
    public int count() {
        return Integer.parseInt(argument);
    }

    /** The argument of a {@link ConditionKind.Argument#NUMBER} condition. */
    public double number() {
        return Double.parseDouble(argument);
    }

    @Override
    public String toString() {
        return argument.isEmpty() ? kind.id() : kind.id() + " " + argument;
    }
}
