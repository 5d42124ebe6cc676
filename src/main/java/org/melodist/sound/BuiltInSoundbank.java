package org.melodist.sound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;

/**
 * The General MIDI bank Melodist plays with when the user has chosen none and the system has none: a fixed copy of
 * the bank Java's synthesizer generates for itself. Gervill gives every generated sample random phases, so its own
 * bank, and every render made with it, differs from one machine (one home folder) to the next; shipping one copy
 * makes the sound, the renders the tests listen to and the evaluation figures the same everywhere.
 */
public final class BuiltInSoundbank {

    static final String RESOURCE = "builtin-gm.sf2";
    private static final System.Logger LOG = System.getLogger(BuiltInSoundbank.class.getName());
    private static final Object LOCK = new Object();
    private static Optional<Soundbank> loaded;

    private BuiltInSoundbank() {
    }

    /**
     * The shipped bank, read once; empty (with a warning in the log) when the jar lacks it or it cannot be read,
     * in which case the synthesizer falls back to generating its own.
     */
    public static Optional<Soundbank> get() {
        synchronized (LOCK) {
            if (loaded == null) {
                loaded = read();
            }
            return loaded;
        }
    }

    private static Optional<Soundbank> read() {
        try (InputStream raw = BuiltInSoundbank.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                LOG.log(System.Logger.Level.WARNING, "the built-in soundbank is missing from the application; "
                        + "using the one Java's synthesizer generates");
                return Optional.empty();
            }
            return Optional.of(MidiSystem.getSoundbank(new BufferedInputStream(raw)));
        } catch (IOException | InvalidMidiDataException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the built-in soundbank cannot be read (" + e
                    + "); using the one Java's synthesizer generates");
            return Optional.empty();
        }
    }
}
