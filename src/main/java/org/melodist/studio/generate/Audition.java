package org.melodist.studio.generate;

import org.melodist.song.Song;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.transport.TransportViewModel;

/**
 * Auditioning a variation: the transport plays a preview of the song with it in place; when playback
 * stops, the playhead goes back to where it was before the first audition, so that listening does not move
 * the point the next Generate continues from.
 */
final class Audition {

    private final PianoRollViewModel roll;
    private final TransportViewModel transport;
    /** True while the transport plays a preview started here. */
    private boolean auditioning;
    private long playheadBefore;

    Audition(PianoRollViewModel roll, TransportViewModel transport, BackgroundRunner runner) {
        this.roll = roll;
        this.transport = transport;
        transport.stateProperty().addListener((obs, o, n) -> {
            if (auditioning && !transport.isPlaying()) {
                auditioning = false;
                long back = playheadBefore;
                // after the transport has moved the playhead to where playback stopped
                runner.onUiThread(() -> roll.playheadProperty().set(back));
            }
        });
    }

    /** True while a preview started here is playing (cycling then re-auditions). */
    boolean isPlaying() {
        return auditioning && transport.isPlaying();
    }

    /** Plays {@code preview} from {@code fromTick}, remembering the playhead if no audition is playing yet. */
    void play(Song preview, long fromTick) {
        if (!auditioning) playheadBefore = roll.playheadProperty().get();
        auditioning = true;
        transport.playPreview(preview, fromTick);
    }
}
