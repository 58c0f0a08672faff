package org.aeworkbench.lesson;

/**
 * One step of a lesson: the stage it sets, what it says, what it waits for, and an optional
 * question whose answer is given once the student has tried.
 *
 * @param line      the line of its "## " heading
 * @param title     the heading's text
 * @param setup     data, design, settings and tab applied when the step begins
 * @param text      two or three sentences: what to do and what to watch (Markdown: paragraphs,
 *                  **bold**, `code`)
 * @param condition what must be observed before Next is offered
 * @param question  a question to think about, or null
 * @param answer    its answer (present exactly when {@code question} is)
 */
public record LessonStep(int line, String title, StepSetup setup, String text, Condition condition, String question,
                         String answer) {

    public boolean hasQuestion() {
        return question != null;
    }
}
