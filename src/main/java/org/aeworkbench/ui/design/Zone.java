package org.aeworkbench.ui.design;

/** The three parts of the stack the designer shows; the code zone holds the encoder's last layer. */
public enum Zone {
    ENCODER("Encoder"), CODE("Code"), DECODER("Decoder");

    private final String title;

    Zone(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
