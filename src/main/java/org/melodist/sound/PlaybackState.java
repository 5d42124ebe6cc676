package org.melodist.sound;

/** Where live playback stands. UNAVAILABLE means no audio device: every command is then ignored. */
public enum PlaybackState {
    STOPPED, PLAYING, PAUSED, UNAVAILABLE
}
