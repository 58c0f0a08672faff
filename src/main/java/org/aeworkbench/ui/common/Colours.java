package org.aeworkbench.ui.common;

import java.awt.Color;

/**
 * Colour-blind-safe colours: Okabe and Ito's eight ("Color Universal Design", 2008) extended with
 * two from Paul Tol's muted scheme for ten-class data such as digits, and fixed colours for
 * the loss curves so a term keeps its colour on every chart.
 */
public final class Colours {

    /** Okabe-Ito's eight (black becomes near-white on a dark background), then Tol's olive and a grey. */
    private static final Color[] CLASSES = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0xD55E00), // vermillion
        new Color(0xF0E442), // yellow
        new Color(0x000000), // black
        new Color(0x999933), // olive (Tol)
        new Color(0x8C8C8C), // grey
    };

    public static final Color TRAIN = new Color(0x0072B2);
    public static final Color VALIDATION = new Color(0xE69F00);
    public static final Color RECONSTRUCTION = new Color(0x009E73);
    public static final Color[] PENALTIES = {new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9)};

    private Colours() {
    }

    /** The colour of class {@code label} (cycling beyond ten classes). */
    public static Color forClass(int label, Theme theme) {
        Color c = CLASSES[Math.floorMod(label, CLASSES.length)];
        return theme.dark() && c.equals(Color.BLACK) ? new Color(0xE6E6E6) : c;
    }

    public static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }
}
