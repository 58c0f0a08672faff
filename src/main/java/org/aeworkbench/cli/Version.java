package org.aeworkbench.cli;

/** The program's version, as printed by --version and written into exported files. */
public final class Version {

    public static final String TEXT = "0.1.0";

    private Version() {
    }
}
