package org.aeworkbench.ui.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The confusion matrix's column names: whole when short, visibly cut when not. */
class ConfusionGridNamesTest {

    @Test
    void aNameOfSixCharactersOrFewerIsShownWholeAndALongerOneEndsInAnEllipsis() {
        assertEquals("Sandal", ConfusionGrid.shortName("Sandal"));
        assertEquals("Bag", ConfusionGrid.shortName("Bag"));
        assertEquals("7", ConfusionGrid.shortName("7"));
        assertEquals("T-shi\u2026", ConfusionGrid.shortName("T-shirt/top"));
        assertEquals("Trous\u2026", ConfusionGrid.shortName("Trouser"));
        assertEquals("Ankle", ConfusionGrid.shortName("Ankle boot"));
    }
}
