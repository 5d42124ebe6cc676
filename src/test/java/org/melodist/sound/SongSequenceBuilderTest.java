package org.melodist.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;

/** What the live sequencer is given to play, and what a render is given under a mix. */
class SongSequenceBuilderTest {

    static Song twoTracks() {
        return Song.of(480, 120, List.of(
                new org.melodist.song.Track("A", 0, 5, List.of(new Note(60, 100, 0, 480), new Note(60, 90, 480, 480))),
                new org.melodist.song.Track("B", 3, 33, List.of(new Note(40, 100, 960, 2000)))));
    }

    static List<ShortMessage> shorts(Track t) {
        List<ShortMessage> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            MidiEvent e = t.get(i);
            if (e.getMessage() instanceof ShortMessage s) out.add(s);
        }
        return out;
    }

    static long count(Track t, int command) {
        return shorts(t).stream().filter(s -> s.getCommand() == command).count();
    }

    @Test
    void theLiveSequenceHoldsEveryNoteAndTheClickButNoPrograms() {
        Song song = twoTracks();
        Sequence seq = new SongSequenceBuilder().buildForLivePlayback(song);
        Track[] tracks = seq.getTracks();
        assertEquals(4, tracks.length, "conductor, two tracks, metronome");
        assertEquals(2, count(tracks[SongSequenceBuilder.sequenceTrackOf(0)], ShortMessage.NOTE_ON));
        assertEquals(1, count(tracks[SongSequenceBuilder.sequenceTrackOf(1)], ShortMessage.NOTE_ON));
        assertEquals(0, count(tracks[1], ShortMessage.PROGRAM_CHANGE) + count(tracks[2], ShortMessage.PROGRAM_CHANGE));
        // the last note ends at tick 2960, inside bar 2: the sequence lasts two whole bars, 8 clicks
        assertEquals(3840, seq.getTickLength());
        Track click = tracks[SongSequenceBuilder.metronomeTrackOf(song)];
        List<ShortMessage> ons = shorts(click).stream().filter(s -> s.getCommand() == ShortMessage.NOTE_ON).toList();
        assertEquals(8, ons.size());
        assertEquals(SongSequenceBuilder.CLICK_ACCENT_KEY, ons.get(0).getData1());
        assertEquals(SongSequenceBuilder.CLICK_BEAT_KEY, ons.get(1).getData1());
        assertEquals(SongSequenceBuilder.CLICK_ACCENT_KEY, ons.get(4).getData1());
        ons.forEach(s -> assertEquals(SongSequenceBuilder.CLICK_CHANNEL, s.getChannel()));
    }

    @Test
    void theRenderedSequenceFollowsTheMix() {
        Song song = twoTracks();
        PlaybackMix mix = PlaybackMix.DEFAULT.withSolo(1, true).withProgram(1, 74).withMetronome(true);
        Track[] tracks = new SongSequenceBuilder().buildAudible(song, mix).getTracks();
        assertEquals(0, count(tracks[1], ShortMessage.NOTE_ON), "not soloed: silent");
        assertEquals(1, count(tracks[2], ShortMessage.NOTE_ON));
        ShortMessage program = shorts(tracks[2]).stream()
                .filter(s -> s.getCommand() == ShortMessage.PROGRAM_CHANGE).findFirst().orElseThrow();
        assertEquals(74, program.getData1());
        assertEquals(3, program.getChannel());
        assertEquals(8, count(tracks[3], ShortMessage.NOTE_ON));
        Track[] noClick = new SongSequenceBuilder().buildAudible(song, PlaybackMix.DEFAULT).getTracks();
        assertEquals(0, count(noClick[3], ShortMessage.NOTE_ON));
    }

    @Test
    void clicksFollowTheTimeSignature() {
        Song waltz = twoTracks().withTimeSignature(new TimeSignature(6, 8));
        Track click = new SongSequenceBuilder().buildForLivePlayback(waltz).getTracks()[3];
        List<MidiEvent> ons = new ArrayList<>();
        for (int i = 0; i < click.size(); i++) {
            if (click.get(i).getMessage() instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON) {
                ons.add(click.get(i));
            }
        }
        // 6/8: a click every eighth (240 ticks), accent every 1440 ticks, bars of 1440 up to tick 2960 -> 3 bars
        assertEquals(18, ons.size());
        assertEquals(240, ons.get(1).getTick());
        assertEquals(SongSequenceBuilder.CLICK_ACCENT_KEY, ((ShortMessage) ons.get(6).getMessage()).getData1());
    }
}
