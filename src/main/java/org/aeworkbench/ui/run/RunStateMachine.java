package org.aeworkbench.ui.run;

import org.aeworkbench.engine.model.ModelSpec;

/**
 * The training run's states and what each command does in each of them, without JavaFX or
 * threads, so the rules are tested alone ({@code RunStateMachineTest}):
 * <pre>
 *   IDLE --train--> RUNNING --pause--> PAUSED --resume--> RUNNING
 *   RUNNING or PAUSED --stop--> STOPPING --finished--> IDLE
 * </pre>
 * Train continues the current weights only when they exist and were trained on the same design
 * and data; otherwise the run starts from weights drawn with the seed. Reset forgets the weights
 * at once when idle; during a run it stops the run and forgets them when the run has ended.
 */
public final class RunStateMachine {

    public enum State { IDLE, RUNNING, PAUSED, STOPPING }

    /**
     * A run that was started.
     *
     * @param id    names the run, so a late report from an earlier one is recognised
     * @param fresh whether it starts from new weights rather than continuing the current ones
     */
    public record Start(int id, boolean fresh) {
    }

    private State state = State.IDLE;
    /** The design the current weights belong to; null when there are none (the next run draws them). */
    private ModelSpec weightsSpec;
    /** The data they were trained on (compared by identity: reloading the same file is other data). */
    private Object weightsData;
    private boolean resetWhenStopped;
    private int run;

    public State state() {
        return state;
    }

    /** Whether weights exist that a run could continue. */
    public boolean hasWeights() {
        return weightsSpec != null;
    }

    /** Starts a run of {@code spec} on {@code data}, or returns null while another run is going. */
    public Start train(ModelSpec spec, Object data) {
        if (state != State.IDLE) {
            return null;
        }
        boolean fresh = weightsSpec == null || !weightsSpec.equals(spec) || weightsData != data;
        weightsSpec = spec;
        weightsData = data;
        state = State.RUNNING;
        return new Start(++run, fresh);
    }

    /** True when the run was running and is now paused. */
    public boolean pause() {
        return move(State.RUNNING, State.PAUSED);
    }

    public boolean resume() {
        return move(State.PAUSED, State.RUNNING);
    }

    /** True when a running or paused run was asked to stop (it ends with {@link #finished}). */
    public boolean stop() {
        return move(State.RUNNING, State.STOPPING) || move(State.PAUSED, State.STOPPING);
    }

    /**
     * Forgets the weights. Returns true when that happened now; false when a run was going, which
     * is stopped and whose weights are forgotten once it has ended ({@link #finished} says so).
     */
    public boolean reset() {
        if (state == State.IDLE) {
            forget();
            return true;
        }
        resetWhenStopped = true;
        stop();
        return false;
    }

    /**
     * Run {@code id} ended, however it ended. Returns true when a Reset waited for it, in which
     * case its weights are forgotten already.
     */
    public boolean finished(int id) {
        if (id != run || state == State.IDLE) {
            throw new IllegalStateException("run " + id + " reported its end, but the run going is " + run + " (" + state + ")");
        }
        state = State.IDLE;
        if (resetWhenStopped) {
            resetWhenStopped = false;
            forget();
            return true;
        }
        return false;
    }

    /** Weights trained elsewhere (an opened project) become the current ones; only while idle. */
    public void restored(ModelSpec spec, Object data) {
        if (state != State.IDLE) {
            throw new IllegalStateException("cannot install other weights while a run is " + state);
        }
        weightsSpec = spec;
        weightsData = data;
    }

    private void forget() {
        weightsSpec = null;
        weightsData = null;
    }

    private boolean move(State from, State to) {
        if (state != from) {
            return false;
        }
        state = to;
        return true;
    }
}
