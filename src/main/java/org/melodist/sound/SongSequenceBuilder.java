package org.melodist.sound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;

/**
 * Turns a {@link Song} into a javax.sound {@link Sequence}: track 0 carries tempo and metre, track
 * {@code i + 1} carries song track {@code i} (bank and program at tick 0, then its notes), and the last
 * track is the metronome click on channel 10. The sequence always lasts whole bars, so loop points up to
 * the end of the last bar are valid.
 */
public final class SongSequenceBuilder {

    /** GM channel 10 (index 9): percussion. */
    public static final int CLICK_CHANNEL = 9;
    /** GM percussion keys: high wood block on the downbeat, low wood block on the other beats. */
    public static final int CLICK_ACCENT_KEY = 76;
    public static final int CLICK_BEAT_KEY = 77;

    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int META_MARKER = 0x06;

    /** The sequence track holding song track {@code songTrackIndex}. */
    public static int sequenceTrackOf(int songTrackIndex) {
        return songTrackIndex + 1;
    }

    /** The sequence track holding the metronome. */
    public static int metronomeTrackOf(Song song) {
        return song.tracks().size() + 1;
    }

    /**
     * The sequence as it should sound under {@code mix}: silenced tracks carry no notes and the click
     * track is empty when the metronome is off. Used for offline rendering.
     */
    public Sequence buildAudible(Song song, PlaybackMix mix) {
        return build(song, mix, false, true);
    }

    /**
     * Every track's notes and the click, whatever the mix says, and no bank or program events: a live
     * sequencer mutes tracks itself and the player sends programs directly, so that changing either
     * while playing needs no new sequence (and a loop back to tick 0 cannot undo a program change).
     */
    public Sequence buildForLivePlayback(Song song) {
        return buildForLivePlayback(song, 0);
    }

    /** As {@link #buildForLivePlayback(Song)}, lasting at least {@code minTicks} (rounded up to whole bars). */
    public Sequence buildForLivePlayback(Song song, long minTicks) {
        return build(song, PlaybackMix.DEFAULT, true, false, minTicks);
    }

    /** The tick where the sequence ends: the end of the bar holding the last note (at least one bar). */
    public static long lengthTicks(Song song) {
        long bar = song.ticksPerBar();
        long end = song.endTick();
        long bars = Math.max(1, (end + bar - 1) / bar);
        return bars * bar;
    }

    private Sequence build(Song song, PlaybackMix mix, boolean complete, boolean programs) {
        return build(song, mix, complete, programs, 0);
    }

    private Sequence build(Song song, PlaybackMix mix, boolean complete, boolean programs, long minTicks) {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, song.ppq());
            long bar = song.ticksPerBar();
            long length = Math.max(lengthTicks(song), Math.floorDiv(Math.max(0, minTicks) + bar - 1, bar) * bar);
            Track conductor = seq.createTrack();
            for (TempoChange c : song.tempoMap().changes()) {
                int us = c.microsPerQuarter();
                conductor.add(meta(META_TEMPO, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us}, c.tick()));
            }
            int denomPower = Integer.numberOfTrailingZeros(song.timeSignature().denominator());
            conductor.add(meta(META_TIME_SIGNATURE,
                    new byte[] {(byte) song.timeSignature().numerator(), (byte) denomPower, 24, 8}, 0));
            // pins the sequence length to whole bars so loops may end at the last bar line
            conductor.add(meta(META_MARKER, "end".getBytes(StandardCharsets.US_ASCII), length));

            for (int i = 0; i < song.tracks().size(); i++) {
                org.melodist.song.Track t = song.tracks().get(i);
                Track out = seq.createTrack();
                out.add(meta(META_TRACK_NAME, t.name().getBytes(StandardCharsets.UTF_8), 0));
                int ch = t.channel();
                if (programs) {
                    out.add(new MidiEvent(shortMsg(ShortMessage.CONTROL_CHANGE, ch, 0, 0), 0));
                    out.add(new MidiEvent(shortMsg(ShortMessage.CONTROL_CHANGE, ch, 32, 0), 0));
                    out.add(new MidiEvent(shortMsg(ShortMessage.PROGRAM_CHANGE, ch, mix.programFor(i, t), 0), 0));
                }
                if (complete || mix.isAudible(i)) {
                    addNotes(out, ch, t.notes());
                }
            }

            Track click = seq.createTrack();
            click.add(meta(META_TRACK_NAME, "Metronome".getBytes(StandardCharsets.US_ASCII), 0));
            if (complete || mix.metronome()) {
                addNotes(click, CLICK_CHANNEL, clickNotes(song, length));
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            // every value above is range-checked by the song model, so this is a programming error
            throw new IllegalStateException("could not build a MIDI sequence: " + e.getMessage(), e);
        }
    }

    /** One click per beat of the time signature, accented on each downbeat, up to {@code length}. */
    static List<Note> clickNotes(Song song, long length) {
        long beat = song.timeSignature().ticksPerBeat(song.ppq());
        long bar = song.ticksPerBar();
        long clickLength = Math.max(1, beat / 4);
        List<Note> clicks = new ArrayList<>();
        for (long tick = 0; tick < length; tick += beat) {
            boolean downbeat = tick % bar == 0;
            clicks.add(new Note(downbeat ? CLICK_ACCENT_KEY : CLICK_BEAT_KEY, downbeat ? 120 : 90, tick, clickLength));
        }
        return clicks;
    }

    /**
     * Adds note-on/off pairs so that at any tick note-offs come before note-ons: a note repeated on the
     * same key at the tick where the previous one ends must not be cut by the earlier note's off.
     */
    private static void addNotes(Track out, int channel, List<Note> notes) throws InvalidMidiDataException {
        record Ev(long tick, boolean on, int key, int velocity) {
        }
        List<Ev> events = new ArrayList<>(notes.size() * 2);
        for (Note n : notes) {
            events.add(new Ev(n.start(), true, n.pitch(), n.velocity()));
            events.add(new Ev(n.start() + Math.max(1, n.duration()), false, n.pitch(), 0));
        }
        events.sort(Comparator.comparingLong(Ev::tick).thenComparing(Ev::on));
        for (Ev e : events) {
            MidiMessage m = e.on()
                    ? shortMsg(ShortMessage.NOTE_ON, channel, e.key(), e.velocity())
                    : shortMsg(ShortMessage.NOTE_OFF, channel, e.key(), 0);
            out.add(new MidiEvent(m, e.tick()));
        }
    }

    private static ShortMessage shortMsg(int command, int channel, int d1, int d2) throws InvalidMidiDataException {
        return new ShortMessage(command, channel, d1, d2);
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws InvalidMidiDataException {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }
}
