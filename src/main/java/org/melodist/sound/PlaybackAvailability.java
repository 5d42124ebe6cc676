package org.melodist.sound;

/**
 * Whether live playback can run, and if not, one line the UI shows as is (no stack trace, no class
 * names). Rendering, editing and generation work either way.
 */
public record PlaybackAvailability(boolean available, String reason) {

    public static PlaybackAvailability yes(String whatPlays) {
        return new PlaybackAvailability(true, whatPlays);
    }

    public static PlaybackAvailability no(String reason) {
        return new PlaybackAvailability(false, reason);
    }
}
