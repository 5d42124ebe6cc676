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
}
