package org.aeworkbench.ui.common;

import java.awt.Color;
import org.aeworkbench.report.ClassPalette;

/**
 * Colour-blind-safe colours (Okabe and Ito, "Color Universal Design", 2008): classes by the
 * report's palette, and fixed colours for the loss curves so a term keeps its colour on every chart.
 */
public final class Colours {

    public static final Color TRAIN = new Color(0x0072B2);
    public static final Color VALIDATION = new Color(0xE69F00);
    public static final Color RECONSTRUCTION = new Color(0x009E73);
    public static final Color[] PENALTIES = {new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9)};

    private Colours() {
    }

    /**
     * The colour of class {@code label} among {@code classes}: the report's palette
     * ({@link ClassPalette}, Okabe-Ito or Tol muted with black), so scatters in the window match
     * exported figures. On a dark background the darkest colours (black, indigo, wine) are lifted
     * halfway to white, which keeps their hue and makes them visible.
     */
    public static Color forClass(int label, int classes, Theme theme) {
        Color c = ClassPalette.colour(Math.max(0, label), Math.max(1, classes));
        if (!theme.dark()) {
            return c;
        }
        double luminance = (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
        if (luminance >= 0.3) {
            return c;
        }
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    /**
     * The raw per-batch loss, drawn faint under its smoothed curve: the training blue, see-through
     * on a light background; on a dark one a lighter blue (Okabe-Ito sky blue) and less transparent,
     * since the dark blue there all but vanishes.
     */
    public static Color rawBatch(Theme theme) {
        return theme.dark() ? new Color(0x56, 0xB4, 0xE9, 170) : new Color(0x00, 0x72, 0xB2, 70);
    }

    public static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }
}
