package org.aeworkbench.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.run.RunStateMachine.Start;
import org.aeworkbench.ui.run.RunStateMachine.State;
import org.junit.jupiter.api.Test;

/** The run's rules, without JavaFX or threads: which command does what in which state. */
class RunStateMachineTest {

    private static final ModelSpec SPEC = Presets.get("reference", Shape.image(28, 28, 1));
    private static final Object DATA = new Object();

    private final RunStateMachine run = new RunStateMachine();

    private Start trainToEnd(ModelSpec spec, Object data) {
        Start s = run.train(spec, data);
        assertFalse(run.finished(s.id()), "no reset was waiting");
        return s;
    }

    @Test
    void theFirstRunStartsFromNewWeightsAndTheNextContinuesThem() {
        assertFalse(run.hasWeights());
        assertTrue(trainToEnd(SPEC, DATA).fresh());
        assertTrue(run.hasWeights());
        assertFalse(trainToEnd(SPEC, DATA).fresh(), "same design, same data: continue");
    }

    @Test
    void anotherDesignOrOtherDataStartsOver() {
        trainToEnd(SPEC, DATA);
        assertTrue(trainToEnd(SPEC.withTraining(SPEC.training().withEpochs(3)), DATA).fresh(), "the design changed");
        assertTrue(trainToEnd(SPEC.withTraining(SPEC.training().withEpochs(3)), new Object()).fresh(),
                "other data, even of the same shape");
    }

    @Test
    void trainIsRefusedWhileARunGoes() {
        Start first = run.train(SPEC, DATA);
        assertNull(run.train(SPEC, DATA));
        assertTrue(run.pause());
        assertNull(run.train(SPEC, DATA), "nor while paused");
        assertEquals(State.PAUSED, run.state());
        assertFalse(run.pause(), "already paused");
        assertTrue(run.resume());
        assertEquals(State.RUNNING, run.state());
        assertFalse(run.resume(), "not paused");
        assertTrue(run.stop());
        assertEquals(State.STOPPING, run.state());
        assertFalse(run.stop(), "already stopping");
        assertFalse(run.finished(first.id()));
        assertEquals(State.IDLE, run.state());
    }

    @Test
    void aPausedRunCanBeStopped() {
        Start s = run.train(SPEC, DATA);
        run.pause();
        assertTrue(run.stop());
        run.finished(s.id());
        assertFalse(trainToEnd(SPEC, DATA).fresh(), "a stopped run's weights are continued");
    }

    @Test
    void resetWhenIdleForgetsTheWeightsSoTheNextRunStartsOver() {
        trainToEnd(SPEC, DATA);
        assertTrue(run.reset(), "done at once");
        assertFalse(run.hasWeights());
        assertTrue(trainToEnd(SPEC, DATA).fresh());
    }

    @Test
    void resetDuringARunStopsItAndForgetsTheWeightsWhenItHasEnded() {
        Start s = run.train(SPEC, DATA);
        assertFalse(run.reset(), "not yet: the run must stop first");
        assertEquals(State.STOPPING, run.state());
        assertTrue(run.hasWeights(), "the run still owns them");
        assertTrue(run.finished(s.id()), "the reset was waiting");
        assertFalse(run.hasWeights());
        assertTrue(trainToEnd(SPEC, DATA).fresh());
    }

    @Test
    void aLateReportFromAnEarlierRunIsAnError() {
        Start first = run.train(SPEC, DATA);
        run.finished(first.id());
        Start second = run.train(SPEC, DATA);
        assertThrows(IllegalStateException.class, () -> run.finished(first.id()));
        run.finished(second.id());
        assertThrows(IllegalStateException.class, () -> run.finished(second.id()), "it ended already");
    }

    @Test
    void restoredWeightsAreContinuedAndCannotArriveDuringARun() {
        Object opened = new Object();
        run.restored(SPEC, opened);
        assertTrue(run.hasWeights());
        assertFalse(trainToEnd(SPEC, opened).fresh(), "an opened project trains on from its weights");
        run.train(SPEC, opened);
        assertThrows(IllegalStateException.class, () -> run.restored(SPEC, opened));
    }
}
