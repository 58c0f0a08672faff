package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns label values as found in a file into class indices and class names. Non-negative whole
 * numbers are kept as they are (label 7 stays class 7, named "7"), so digit labels read the same
 * everywhere; anything else (text, negative or fractional numbers) is mapped to 0..k-1 in sorted
 * order, and the original values become the class names.
 */
public final class Labels {

    /** Labels above this are not taken as class indices: a file of ids or prices is not 10^6 classes. */
    private static final int MAX_DIRECT_CLASS = 9_999;

    /** Class index per sample and the name of each class. */
    public record Encoded(int[] labels, List<String> classNames) {
    }

    private Labels() {
    }

    /** Encodes numeric labels (as read from IDX, NPY or a numeric CSV column). */
    public static Encoded fromNumbers(double[] raw) {
        boolean direct = true;
        int max = -1;
        for (double v : raw) {
            if (v < 0 || v != Math.rint(v) || v > MAX_DIRECT_CLASS) {
                direct = false;
                break;
            }
            max = Math.max(max, (int) v);
        }
        if (direct) {
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = (int) raw[i];
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c <= max; c++) {
                names.add(Integer.toString(c));
            }
            return new Encoded(labels, names);
        }
        TreeMap<Double, Integer> index = new TreeMap<>();
        for (double v : raw) {
            index.put(v, 0);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<Double, Integer> e : index.entrySet()) {
            e.setValue(names.size());
            double v = e.getKey();
            names.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        }
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = index.get(raw[i]);
        }
        return new Encoded(labels, names);
    }

    /** Encodes text labels (a categorical CSV column): classes in sorted order of their names. */
    public static Encoded fromText(List<String> raw) {
        TreeMap<String, Integer> index = new TreeMap<>();
        for (String v : raw) {
            index.put(v, 0);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(names.size());
            names.add(e.getKey());
        }
        int[] labels = new int[raw.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = index.get(raw.get(i));
        }
        return new Encoded(labels, names);
    }

    /** Number of samples in each class, indexed by class. */
    public static int[] counts(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
