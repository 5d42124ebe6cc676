package org.melodist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void theFirstLineOfTheMessageOrTheClassName() {
        assertEquals("song.mid: no such file", ErrorMessages.oneLine(new IOException("song.mid: no such file")));
        assertEquals("bad header", ErrorMessages.oneLine(new IllegalStateException("bad header  \n\tat some.Frame")));
        assertEquals("EOFException", ErrorMessages.oneLine(new EOFException()));
        assertEquals("IOException", ErrorMessages.oneLine(new IOException(" ")));
    }

    @Test
    void theRootCauseSpeaksWhenItHasWords() {
        Exception wrapped = new IllegalStateException("open failed", new RuntimeException(new IOException("device busy\nmore")));
        assertEquals("device busy", ErrorMessages.rootCause(wrapped));
        assertEquals("open failed", ErrorMessages.rootCause(new IllegalStateException("open failed", new EOFException())));
        assertEquals("EOFException", ErrorMessages.rootCause(new EOFException()));
    }

    @Test
    void withTypeNamesTheClassAndCutsLongMessages() {
        assertEquals("ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 4",
                ErrorMessages.withType(new ArrayIndexOutOfBoundsException("Index 5 out of bounds for length 4\nat x")));
        assertEquals("EOFException", ErrorMessages.withType(new EOFException()));
        String cut = ErrorMessages.withType(new IOException("x".repeat(500)));
        assertEquals(ErrorMessages.MAX_DETAIL + 3, cut.length());
        assertEquals("", ErrorMessages.firstLine(null));
        assertEquals("a", ErrorMessages.firstLine(" a \nb"));
    }
}
