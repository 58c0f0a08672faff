package org.aeworkbench.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.data.BadParameterException;
import org.junit.jupiter.api.Test;

class NormalClassesTest {

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Test
    void listsAllButAndAll() {
        assertEquals(List.of(3, 5), NormalClasses.parse("3,5", DIGITS).indices());
        NormalClasses allBut7 = NormalClasses.parse("all-but:7", DIGITS);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 8, 9), allBut7.indices());
        assertFalse(allBut7.isNormal(7));
        assertTrue(allBut7.isNormal(8));
        assertEquals("all but 7", allBut7.describe());
        NormalClasses all = NormalClasses.parse("all", DIGITS);
        assertTrue(all.all());
        assertEquals(10, all.indices().size());
        assertEquals("all", all.describe());
        assertEquals("3, 5", NormalClasses.parse(" 3 , 5 ", DIGITS).describe());
    }

    @Test
    void classesAreNamedByNameIgnoringCaseOrByIndex() {
        assertEquals(List.of(7), NormalClasses.parse("sneaker", FASHION).indices());
        assertEquals(List.of(1, 9), NormalClasses.parse("Trouser,9", FASHION).indices());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 9), NormalClasses.parse("all-but:Bag", FASHION).indices());
    }

    @Test
    void anUnknownClassListsTheClassesThereAre() {
        var e = assertThrows(BadParameterException.class, () -> NormalClasses.parse("3,11", DIGITS));
        assertEquals("--normal 3,11: there is no class '11'; the classes are 0, 1, 2, 3, 4, 5, 6, 7, 8, 9", e.getMessage());
        e = assertThrows(BadParameterException.class, () -> NormalClasses.parse("all-but:Hat", FASHION));
        assertTrue(e.getMessage().contains("'Hat'") && e.getMessage().contains("Ankle boot"), e.getMessage());
    }

    @Test
    void excludingEveryClassOrNamingClassesWithoutLabelsIsRefused() {
        var e = assertThrows(BadParameterException.class, () -> NormalClasses.parse("all-but:0,1", List.of("0", "1")));
        assertTrue(e.getMessage().contains("leaves no class normal"), e.getMessage());
        e = assertThrows(BadParameterException.class, () -> NormalClasses.parse("3", List.of()));
        assertTrue(e.getMessage().contains("no labels"), e.getMessage());
        assertTrue(NormalClasses.parse("ALL", List.of()).all());
    }
}
