package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws image-shaped samples as characters for a terminal, side by side, darkest to brightest
 * along {@value #RAMP}. Values are mapped over the data set's own range so digits in 0..16 draw
 * as well as pixels in [0, 1]; colour images are averaged over their channels. Narrow images get
 * two characters per pixel so they are not squeezed by the terminal's tall cells.
 */
public final class AsciiPreview {

    /** Ten levels, blank for the lowest value. */
    public static final String RAMP = " .:-=+*#%@";
    private static final String GAP = "   ";

    private AsciiPreview() {
    }

    /** The given samples drawn next to each other, with a caption line above each. */
    public static List<String> render(Dataset set, int[] indices) {
        int h = set.sampleShape().height();
        int w = set.sampleShape().width();
        int c = set.sampleShape().channels();
        int cell = w <= 14 ? 2 : 1;
        float lo = set.minValue();
        float range = set.maxValue() - lo;
        List<String> lines = new ArrayList<>();
        StringBuilder caption = new StringBuilder();
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            String text = "#" + i + (set.hasLabels() ? " " + set.classNames().get(set.labels()[i]) : "");
            caption.append(pad(text, w * cell)).append(k + 1 < indices.length ? GAP : "");
        }
        lines.add(caption.toString().stripTrailing());
        for (int y = 0; y < h; y++) {
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < indices.length; k++) {
                int base = indices[k] * set.features();
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int ch = 0; ch < c; ch++) {
                        sum += set.values()[base + (y * w + x) * c + ch];
                    }
                    float v = range > 0 ? (sum / c - lo) / range : 0;
                    char glyph = RAMP.charAt(Math.min(RAMP.length() - 1, (int) (v * RAMP.length())));
                    row.append(String.valueOf(glyph).repeat(cell));
                }
                row.append(k + 1 < indices.length ? GAP : "");
            }
            lines.add(row.toString().stripTrailing());
        }
        return lines;
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) {
            return s.substring(0, width);
        }
        return s + " ".repeat(width - s.length());
    }
}
