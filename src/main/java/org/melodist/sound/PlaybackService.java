package org.melodist.sound;

import org.melodist.song.Song;

/**
 * Live playback of the open song plus single-note audition. Every method returns at once and may be
 * called from any thread (the studio calls from the FX thread); none throws because the audio device
 * is missing: the service is then {@link PlaybackState#UNAVAILABLE} and {@link #statusMessage()} says
 * why. Listeners are called on the service's own thread; a UI must hop to its thread itself.
 */
public interface PlaybackService extends AutoCloseable {

    /** Told of every state change; {@code message} explains UNAVAILABLE and is empty otherwise. */
    interface Listener {
        void stateChanged(PlaybackState state, String message);
    }

    PlaybackState state();

    /** One line: why playback is unavailable, or what plays (synthesizer and soundbank). */
    String statusMessage();

    /** Whether playback works here; when not, the reason is the one line to show the user. */
    default PlaybackAvailability availability() {
        return state() == PlaybackState.UNAVAILABLE ? PlaybackAvailability.no(statusMessage())
                : PlaybackAvailability.yes(statusMessage());
    }

    /** Replaces the song (after an edit); keeps the playhead, the loop and, if playing, keeps playing. */
    void load(Song song);

    /** Starts or resumes from the playhead. */
    void play();

    void playFrom(long tick);

    /** Stops and keeps the playhead where it is. */
    void pause();

    /** Stops and rewinds to tick 0. */
    void stop();

    /** Repeats {@code [startTick, endTick)} without a gap until cleared; the end is clipped to the song. */
    void setLoop(long startTick, long endTick);

    void clearLoop();

    /**
     * Makes playback last at least until {@code tick} (whole bars, with the metronome) even where the song
     * has no notes, so that recording and the jam can play on past the song's end; 0 for the song's length.
     */
    void setMinimumLength(long tick);

    /** Plays faster (above 1) or slower than the song's tempo map, taking effect while playing. */
    void setTempoFactor(double factor);

    double tempoFactor();

    /** Mutes, solos, program overrides and metronome, applied at once while playing. */
    void setMix(PlaybackMix mix);

    PlaybackMix mix();

    /**
     * The playhead in song ticks: a plain volatile read, kept current by the service's own timer
     * (about every 5 ms while playing), so polling it at display rate costs nothing.
     */
    long playheadTick();

    /** Sounds one note now (on its own channel) for {@code millis}, e.g. for a piano key or a drawn note. */
    void audition(int pitch, int velocity, int program, int millis);

    /** As {@link #audition(int, int, int, int)} for 400 ms. */
    default void audition(int pitch, int velocity, int program) {
        audition(pitch, velocity, program, 400);
    }

    void addListener(Listener listener);

    void removeListener(Listener listener);

    @Override
    void close();
}
