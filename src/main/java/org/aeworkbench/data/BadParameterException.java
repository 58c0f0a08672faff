package org.aeworkbench.data;

/**
 * The request was wrong rather than the data: an unknown set name, a generator parameter that
 * does not exist or is out of range. The CLI reports it as a usage error (exit code 2).
 */
public final class BadParameterException extends DataException {

    public BadParameterException(String message) {
        super(message);
    }
}
