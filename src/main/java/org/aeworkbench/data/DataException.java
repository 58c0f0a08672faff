package org.aeworkbench.data;

/**
 * A data set could not be loaded or prepared. The message is ready to show to the user as it is:
 * it names the file (and the line, column or byte offset where that helps) and says what to do.
 * Unchecked, so loaders can be called from lambdas and background tasks without wrapping.
 * {@link BadParameterException} marks the cases where the request, not the data, was wrong.
 */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
