package org.aeworkbench.lesson;

import java.util.List;

/**
 * A lesson as its file describes it: a title, a few lines saying what it is about, and its steps
 * in order. A lesson is data: playing it runs the window's own commands, never code of its own.
 *
 * @param origin       the file or built-in resource it was read from, as messages name it
 * @param title        shown above the steps and in Help > Lessons
 * @param summary      one or two sentences: what the student will see
 * @param introduction text before the first step (may be empty)
 * @param steps        at least one
 */
public record Lesson(String origin, String title, String summary, String introduction, List<LessonStep> steps) {

    public Lesson {
        steps = List.copyOf(steps);
    }
}
