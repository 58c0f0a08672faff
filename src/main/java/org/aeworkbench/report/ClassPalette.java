package org.aeworkbench.report;

import java.awt.Color;
import java.util.List;

/**
 * Colours for class labels that people with the common colour-vision deficiencies can still
 * tell apart.
 *
 * <ul>
 *   <li>Up to 8 classes: Okabe and Ito, "Color Universal Design" (2008), the eight-colour set
 *       designed for protanopes, deuteranopes and tritanopes. Ordered so the colours that hold
 *       up best on a white plot come first and yellow, the faintest on white, comes last.</li>
 *   <li>9 or 10 classes (MNIST, Fashion-MNIST, CIFAR-10): Paul Tol's "muted" qualitative scheme
 *       (Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021), the largest of his colour-blind-safe
 *       qualitative sets at nine colours, with black as the tenth, which stays distinct from
 *       all nine. Tol's own tenth ("pale grey", meant for missing data) vanishes on white.</li>
 *   <li>More classes: the ten colours repeat; {@link LatentScatterChart} then changes the marker
 *       shape on each repeat so no two classes look alike.</li>
 * </ul>
 */
public final class ClassPalette {

    /** Okabe-Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, black, yellow. */
    public static final List<Color> OKABE_ITO = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));

    /** Tol muted (rose, indigo, sand, green, cyan, wine, teal, olive, purple) and black. */
    public static final List<Color> TOL_MUTED_AND_BLACK = List.of(
            new Color(0xCC6677), new Color(0x332288), new Color(0xDDCC77), new Color(0x117733),
            new Color(0x88CCEE), new Color(0x882255), new Color(0x44AA99), new Color(0x999933),
            new Color(0xAA4499), new Color(0x000000));

    private ClassPalette() {
    }

    /** The palette for this many classes. */
    public static List<Color> forClasses(int classes) {
        return classes <= OKABE_ITO.size() ? OKABE_ITO : TOL_MUTED_AND_BLACK;
    }

    /** The colour of class {@code index} when there are {@code classes} classes. */
    public static Color colour(int index, int classes) {
        List<Color> palette = forClasses(classes);
        return palette.get(index % palette.size());
    }
}
