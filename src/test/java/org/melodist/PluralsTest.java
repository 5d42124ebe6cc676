package org.melodist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 note", Plurals.count(1, "note"));
        assertEquals("0 notes", Plurals.count(0, "note"));
        assertEquals("3 selected notes", Plurals.count(3, "selected note"));
        assertEquals("2 channels", Plurals.count(2, "channel"));
    }
}
