package org.aeworkbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's stand-in run (a batch, an epoch, a finished and a stopped result) is one the texts
 * accept: each text is said as a first run would say it.
 */
class RunTextsWarmupTest {

    @Test
    void itSaysEachOfARunsTexts() {
        List<String> texts = assertDoesNotThrow(RunTextsWarmup::run, "the stand-ins are valid for every text");
        assertEquals(11, texts.size());
        assertTrue(texts.get(0).startsWith("Training reference from new weights (seed "), texts.get(0));
        assertTrue(texts.get(2).startsWith("epoch 1/") && texts.get(2).endsWith(" \u00b7 batch 5/71"), texts.get(2));
        assertTrue(texts.get(3).startsWith("epoch 3 (1/"), "a continued run's epochs are counted both ways: " + texts.get(3));
        assertTrue(texts.get(5).startsWith("Epoch 1/2   train loss "), texts.get(5));
        assertTrue(texts.get(8).startsWith("Stopped in epoch 2"), texts.get(8));
    }
}
