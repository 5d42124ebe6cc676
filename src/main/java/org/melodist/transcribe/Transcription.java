package org.melodist.transcribe;

import java.util.List;
import java.util.Optional;

/**
 * What {@link MelodyTranscriber} heard: the notes in time order, the performer's tuning offset in cents from
 * A4 = 440 Hz, the tempo (the one given, or one estimated from the note onsets) and, when there are no notes,
 * why.
 *
 * @param tempoGiven true when the caller supplied the tempo, so the notes are also placed on its grid
 * @param emptyReason present exactly when {@code notes} is empty
 */
public record Transcription(List<TranscribedNote> notes, double tuningCents, double tempoBpm, boolean tempoGiven,
                            double durationSec, Optional<String> emptyReason) {

    public Transcription {
        notes = List.copyOf(notes);
        if (notes.isEmpty() != emptyReason.isPresent()) {
            throw new IllegalArgumentException("a reason is given exactly when there are no notes");
        }
    }
}
