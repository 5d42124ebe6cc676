package org.melodist.midi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The app's own settings inside a MIDI file: one sequencer-specific meta event (FF 7F) per property,
 * using the non-commercial manufacturer ID 0x7D and a "melodist:" tag so that other tools skip it.
 */
final class MelodistMeta {

    static final int SEQUENCER_SPECIFIC = 0x7F;
    private static final byte[] TAG = "\u007Dmelodist:".getBytes(StandardCharsets.UTF_8);

    private MelodistMeta() {
    }

    static byte[] encode(String name, String value) {
        byte[] body = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(TAG, TAG.length + body.length);
        System.arraycopy(body, 0, data, TAG.length, body.length);
        return data;
    }

    /** The (name, value) pair if this sequencer-specific payload is one of ours. */
    static Optional<String[]> decode(byte[] data) {
        if (data.length < TAG.length || !Arrays.equals(Arrays.copyOf(data, TAG.length), TAG)) {
            return Optional.empty();
        }
        String body = new String(data, TAG.length, data.length - TAG.length, StandardCharsets.UTF_8);
        int eq = body.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {body.substring(0, eq), body.substring(eq + 1)});
    }
}
