package org.aeworkbench.engine.variant.adversarial;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The widths of a small network's hidden layers, input side first: written {@code [1000, 1000]} in
 * a spec file and "1000, 1000" in the property sheet.
 */
public record HiddenWidths(List<Integer> widths) {

    public HiddenWidths {
        widths = List.copyOf(widths);
    }

    public static HiddenWidths of(int... widths) {
        List<Integer> list = new ArrayList<>();
        for (int w : widths) {
            list.add(w);
        }
        return new HiddenWidths(list);
    }

    /** Reads a JSON list of numbers, or text such as "1000, 1000" (empty text: no hidden layer). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static HiddenWidths parse(Object value) {
        List<Integer> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                list.add(width(String.valueOf(item)));
            }
        } else {
            String text = String.valueOf(value).replace('[', ' ').replace(']', ' ').trim();
            if (!text.isEmpty()) {
                for (String part : text.split("[,\\s]+")) {
                    list.add(width(part));
                }
            }
        }
        return new HiddenWidths(list);
    }

    private static int width(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number of units: write the hidden"
                    + " layers' widths as whole numbers, e.g. 1000, 1000");
        }
    }

    @JsonValue
    public List<Integer> json() {
        return widths;
    }

    @Override
    public String toString() {
        return widths.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
