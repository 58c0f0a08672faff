package org.aeworkbench.analysis.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.data.BadParameterException;

/**
 * Which classes count as normal: the rest are the anomalies to find. Written as a list of class
 * names ({@code 3} or {@code 3,5,8}), {@code all-but:C[,C...]}, or {@code all} (every sample
 * normal: then there are no labelled anomalies, and the highest scores are the suspects).
 *
 * @param classNames the data's class names, indexed by label (empty for unlabelled data)
 * @param normal     per class index, whether it is normal
 * @param all        every sample is normal, labelled or not
 */
public record NormalClasses(List<String> classNames, boolean[] normal, boolean all) {

    public static final String ALL = "all";
    public static final String ALL_BUT = "all-but:";

    public NormalClasses {
        classNames = List.copyOf(classNames);
        normal = normal.clone();
    }

    /** Per class index, whether it is normal (a copy). */
    @Override
    public boolean[] normal() {
        return normal.clone();
    }

    /** Every sample is normal. */
    public static NormalClasses all(List<String> classNames) {
        boolean[] normal = new boolean[classNames.size()];
        java.util.Arrays.fill(normal, true);
        return new NormalClasses(classNames, normal, true);
    }

    /** Exactly one class is normal: one run of the one-class protocol. */
    public static NormalClasses only(int label, List<String> classNames) {
        boolean[] normal = new boolean[classNames.size()];
        normal[label] = true;
        return new NormalClasses(classNames, normal, false);
    }

    /** The given classes are normal. */
    public static NormalClasses of(boolean[] normal, List<String> classNames) {
        boolean every = true;
        for (boolean b : normal) {
            every &= b;
        }
        return new NormalClasses(classNames, normal, every && normal.length > 0);
    }

    /**
     * Reads the text form against the data's classes. A class is named by its name (ignoring case)
     * or, failing that, by its index.
     *
     * @throws BadParameterException naming the class that does not exist and listing those that do,
     *                               or when classes are named for data without labels
     */
    public static NormalClasses parse(String text, List<String> classNames) {
        String t = text.trim();
        if (t.equalsIgnoreCase(ALL)) {
            return all(classNames);
        }
        if (classNames.isEmpty()) {
            throw new BadParameterException("--normal " + text + ": the data has no labels, so no class can be named;"
                    + " use --normal all (every sample normal) or give labels");
        }
        boolean except = t.toLowerCase(Locale.ROOT).startsWith(ALL_BUT);
        String list = except ? t.substring(ALL_BUT.length()) : t;
        boolean[] named = new boolean[classNames.size()];
        for (String part : list.split(",")) {
            named[label(part.trim(), classNames, text)] = true;
        }
        boolean[] normal = new boolean[named.length];
        for (int c = 0; c < named.length; c++) {
            normal[c] = except != named[c];
        }
        NormalClasses n = of(normal, classNames);
        if (n.indices().isEmpty()) {
            throw new BadParameterException("--normal " + text + " leaves no class normal; name at least one class to train on");
        }
        return n;
    }

    private static int label(String name, List<String> classNames, String text) {
        for (int c = 0; c < classNames.size(); c++) {
            if (classNames.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        try {
            int c = Integer.parseInt(name);
            if (c >= 0 && c < classNames.size()) {
                return c;
            }
        } catch (NumberFormatException notAnIndex) {
            // fall through to the message
        }
        throw new BadParameterException("--normal " + text + ": there is no class '" + name + "'; the classes are "
                + String.join(", ", classNames));
    }

    /** Whether a sample with this label is normal. */
    public boolean isNormal(int label) {
        return all || (label >= 0 && label < normal.length && normal[label]);
    }

    /** The normal class indices, in order. */
    public List<Integer> indices() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < normal.length; c++) {
            if (normal[c]) {
                out.add(c);
            }
        }
        return out;
    }

    /** The normal class names, in order (empty when every unlabelled sample is normal). */
    public List<String> names() {
        return indices().stream().map(classNames::get).toList();
    }

    /** "all", "all but 7" (one class left out of three or more), or "3, 5" for messages and titles. */
    public String describe() {
        if (all) {
            return ALL;
        }
        List<String> names = names();
        if (classNames.size() > 2 && names.size() == classNames.size() - 1) {
            for (int c = 0; c < normal.length; c++) {
                if (!normal[c]) {
                    return "all but " + classNames.get(c);
                }
            }
        }
        return String.join(", ", names);
    }
}
