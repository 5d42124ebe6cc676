package org.melodist.studio.playin;

import java.util.ArrayList;
import java.util.List;

import org.melodist.song.Note;

/**
 * One call and response of a jam: the musician's phrase, the model's answer from {@code answerTick}, how
 * long the answer took to compute and how long after the phrase's end it was ready (0 when it was ready
 * before: the studio starts computing at the last key-up, while the rest runs).
 */
public record JamExchange(int number, List<Note> phrase, List<Note> answer, long answerTick, double computeMillis,
                          double readyAfterEndMillis) {

    public JamExchange {
        phrase = List.copyOf(phrase);
        answer = List.copyOf(answer);
    }

    /** Phrase and answer, as accepting the exchange writes them. */
    public List<Note> notes() {
        List<Note> all = new ArrayList<>(phrase);
        all.addAll(answer);
        all.sort(null);
        return all;
    }
}
