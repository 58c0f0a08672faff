package org.aeworkbench.engine.core;

/**
 * A design that cannot work, with the field that is wrong ("decoder[2].units") so the designer
 * can flag it at the layer and the CLI can name it.
 */
public final class SpecException extends RuntimeException {

    private final String field;

    public SpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same problem located under a parent path, e.g. "units" under "encoder[1]". */
    public SpecException under(String parent) {
        return new SpecException(field == null || field.isEmpty() ? parent : parent + "." + field, getMessage());
    }

    @Override
    public String toString() {
        return field + ": " + getMessage();
    }
}
