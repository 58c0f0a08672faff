package org.aeworkbench.ui.lesson;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.aeworkbench.lesson.ConditionKind;
import org.aeworkbench.lesson.Lesson;
import org.aeworkbench.lesson.LessonStep;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * A lesson being played: which step is shown, whether its stage is set, whether its condition
 * holds, the student's attempt at its question and whether the answer is shown. The lessons panel
 * binds to these read-only properties and calls the commands; the stage is set and the condition
 * observed through the {@link LessonHost}, never by touching the window's controls.
 *
 * <p>A step begins by setting its stage (once no run is going: a run still going is stopped
 * first). Next is offered once the stage is set, the condition holds and no run is going; the
 * answer once the student has written an attempt or done what the step asks.
 */
public final class LessonModel {

    private final LessonHost host;
    private final StageSetter stage;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper met = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper answerShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper attempt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding idle;
    private final BooleanBinding canNext;
    private final BooleanBinding canShowMe;
    private final BooleanBinding canAnswer;
    private ConditionWatch watch;
    /** Checks again on a change: a change listener for values (an invalidation listener on a value no one reads fires once). */
    private final ChangeListener<Object> recheckValue = (obs, old, now) -> check();
    private final InvalidationListener recheck = obs -> check();
    /** Counts steps entered, so a stage that finishes being set after the student moved on is ignored. */
    private int generation;

    public LessonModel(LessonHost host) {
        this.host = host;
        this.stage = new StageSetter(host);
        TrainingSession t = host.workbench().training();
        idle = Bindings.createBooleanBinding(() -> t.state() == TrainingSession.State.IDLE, t.stateProperty());
        canNext = ready.and(met).and(idle).and(finished.not());
        canShowMe = Bindings.createBooleanBinding(() -> ready.get() && !met.get() && idle.get() && step.get() != null
                && step.get().condition().kind() != ConditionKind.NONE, ready, met, idle, step);
        canAnswer = Bindings.createBooleanBinding(() -> step.get() != null && step.get().hasQuestion() && !answerShown.get()
                && (!attempt.get().isBlank() || met.get()), step, answerShown, attempt, met);
        idle.addListener((obs, was, now) -> check());
    }

    // ---- read side ----

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The step shown, from 0, or -1 without a lesson. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Whether the step's stage is set. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Whether the step's condition holds (checked once the stage is set). */
    public ReadOnlyBooleanProperty metProperty() {
        return met.getReadOnlyProperty();
    }

    /** Whether the last step was done and Next pressed on it. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty answerShownProperty() {
        return answerShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty attemptProperty() {
        return attempt.getReadOnlyProperty();
    }

    /** What the student is asked to do now, or that the step is done. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the stage could not be set or Show me could not act, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canShowMeProperty() {
        return canShowMe;
    }

    public BooleanBinding canAnswerProperty() {
        return canAnswer;
    }

    public boolean isLastStep() {
        Lesson l = lesson.get();
        return l != null && index.get() == l.steps().size() - 1;
    }

    // ---- commands ----

    /** Starts {@code l} at its first step. */
    public void open(Lesson l) {
        lesson.set(l);
        finished.set(false);
        enter(0);
    }

    /** Stops following the lesson; the window stays as the lesson left it. */
    public void close() {
        generation++;
        unwatch();
        lesson.set(null);
        step.set(null);
        index.set(-1);
        ready.set(false);
        met.set(false);
        status.set("");
        problem.set("");
    }

    /** The next step, or the end of the lesson after the last. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        if (isLastStep()) {
            unwatch();
            finished.set(true);
            status.set("Lesson done. Choose another lesson, or go on experimenting.");
            return;
        }
        enter(index.get() + 1);
    }

    /** The previous step, its stage set again. */
    public void back() {
        if (lesson.get() != null && index.get() > 0) {
            finished.set(false);
            enter(index.get() - 1);
        }
    }

    /** Does what the step asks, as a student would. */
    public void showMe() {
        if (canShowMe.get() && watch != null) {
            problem.set("");
            watch.show().accept(problem::set);
        }
    }

    /** What the student wrote in answer to the step's question. */
    public void setAttempt(String text) {
        attempt.set(text == null ? "" : text);
    }

    /** Shows the answer, once the student has tried (written something, or done the step). */
    public void revealAnswer() {
        LessonStep s = step.get();
        if (s != null && s.hasQuestion() && (!attempt.get().isBlank() || met.get() || s.condition().kind() == ConditionKind.ANSWERED)) {
            answerShown.set(true);
        }
    }

    // ---- internals ----

    private void enter(int i) {
        int g = ++generation;
        unwatch();
        Lesson l = lesson.get();
        LessonStep s = l.steps().get(i);
        index.set(i);
        step.set(s);
        ready.set(false);
        met.set(false);
        answerShown.set(false);
        attempt.set("");
        problem.set("");
        whenIdle(g, () -> {
            status.set("Setting the stage\u2026");
            stage.apply(s.setup(), l.origin(), () -> {
                if (g == generation) {
                    watch(s);
                }
            }, msg -> {
                if (g == generation) {
                    problem.set(msg);
                    status.set("The stage could not be set; fix the lesson file, or go on by hand.");
                }
            });
        });
    }

    /** Runs {@code action} once no run is going, stopping a run that is. */
    private void whenIdle(int g, Runnable action) {
        if (idle.get()) {
            action.run();
            return;
        }
        status.set("Stopping the run to set the stage\u2026");
        host.workbench().stop();
        idle.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    if (g == generation) {
                        action.run();
                    }
                }
            }
        });
    }

    private void watch(LessonStep s) {
        watch = ConditionWatch.of(s.condition(), host, answerShown.getReadOnlyProperty(), this::revealAnswer);
        for (Observable o : watch.depends()) {
            if (o instanceof ObservableValue<?> v) {
                v.addListener(recheckValue);
            } else {
                o.addListener(recheck);
            }
        }
        ready.set(true);
        check();
    }

    private void unwatch() {
        if (watch != null) {
            for (Observable o : watch.depends()) {
                if (o instanceof ObservableValue<?> v) {
                    v.removeListener(recheckValue);
                } else {
                    o.removeListener(recheck);
                }
            }
            watch = null;
        }
    }

    private void check() {
        if (watch == null || !ready.get()) {
            return;
        }
        boolean holds = watch.holds().getAsBoolean();
        met.set(holds);
        if (!holds) {
            status.set(watch.waiting());
        } else if (!idle.get()) {
            status.set("Done. Next once the run has ended (or Stop it).");
        } else {
            status.set(isLastStep() ? "Done: press Finish." : "Done: press Next.");
        }
    }
}
