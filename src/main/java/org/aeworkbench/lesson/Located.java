package org.aeworkbench.lesson;

/**
 * A value read from a lesson file with the line it came from, so that a problem found when the
 * step is played (data that fails to load, a setting the design refuses) still names its line.
 */
public record Located<T>(T value, int line) {
}
