package org.melodist.transcribe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Consumer;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioInputStream;

import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyLines;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.PlaybackMix;
import org.melodist.sound.RenderOptions;
import org.melodist.sound.SongSequenceBuilder;

/**
 * Measures {@link MelodyTranscriber} on melodies rendered in-process with Gervill: each tune is played by
 * several General MIDI instruments under several conditions, transcribed, and compared note by note with the
 * score ({@link NoteMatching}, the mir_eval conventions). Renders are deterministic for a given soundbank; the
 * noise has a fixed seed per tune.
 */
public final class TranscriptionEvaluation {

    /** A GM instrument to render with (program 0-based). */
    public record Instrument(String name, int program) {
    }

    /**
     * A rendering condition: white noise at {@code snrDb} (infinite for none), the whole performance detuned by
     * {@code detuneCents} with a pitch bend, and the modulation wheel at {@code vibrato} (0 for none; Gervill
     * turns it into vibrato).
     */
    public record Condition(String name, double snrDb, double detuneCents, int vibrato) {
    }

    public static final List<Instrument> INSTRUMENTS = List.of(new Instrument("flute", 73),
            new Instrument("violin", 40), new Instrument("choir", 52), new Instrument("voice", 53));
    public static final List<Condition> CONDITIONS = List.of(new Condition("clean", Double.POSITIVE_INFINITY, 0, 0),
            new Condition("noise 20 dB", 20, 0, 0), new Condition("30c flat + vibrato", Double.POSITIVE_INFINITY, -30, 80));

    public static final int SAMPLE_RATE = 22_050;

    /** Figures for one instrument under one condition, summed over tunes. */
    public record Cell(Instrument instrument, Condition condition, NoteMatching.Counts counts, double audioSec,
                       double transcribeSec, double meanTuningError) {
    }

    public record Report(List<Cell> cells, int tunes, double secondsPerTune) {
        public NoteMatching.Counts total() {
            NoteMatching.Counts c = NoteMatching.Counts.ZERO;
            for (Cell cell : cells) {
                c = c.plus(cell.counts());
            }
            return c;
        }

        public double speedTimesRealTime() {
            double audio = cells.stream().mapToDouble(Cell::audioSec).sum();
            double wall = cells.stream().mapToDouble(Cell::transcribeSec).sum();
            return wall <= 0 ? Double.POSITIVE_INFINITY : audio / wall;
        }

        public Map<String, NoteMatching.Counts> byInstrument() {
            Map<String, NoteMatching.Counts> m = new LinkedHashMap<>();
            for (Cell c : cells) {
                m.merge(c.instrument().name(), c.counts(), NoteMatching.Counts::plus);
            }
            return m;
        }

        public Map<String, NoteMatching.Counts> byCondition() {
            Map<String, NoteMatching.Counts> m = new LinkedHashMap<>();
            for (Cell c : cells) {
                m.merge(c.condition().name(), c.counts(), NoteMatching.Counts::plus);
            }
            return m;
        }
    }

    /** A tune's melody, cut to its first seconds. */
    public record Tune(String name, Song song) {
    }

    private final Optional<Soundbank> bank;
    private final MelodyTranscriber transcriber;

    public TranscriptionEvaluation(Optional<Soundbank> bank, MelodyTranscriber transcriber) {
        this.bank = bank;
        this.transcriber = transcriber;
    }

    /**
     * The validation tunes of the melody model's fixed split ({@link MelodyCorpus#isValidation}) in file-name
     * order, at most {@code maxTunes}, each cut to its first {@code seconds}.
     */
    public static List<Tune> validationTunes(Path corpus, int maxTunes, double seconds) throws IOException {
        return validationTunes(corpus, 0, maxTunes, seconds);
    }

    /**
     * As {@link #validationTunes(Path, int, double)}, after passing over the first {@code skip} usable tunes (so that
     * settings can be tuned on other tunes than the ones reported).
     */
    public static List<Tune> validationTunes(Path corpus, int skip, int maxTunes, double seconds) throws IOException {
        List<Tune> tunes = new ArrayList<>();
        int skipped = 0;
        MidiFileReader reader = new MidiFileReader();
        for (Path file : MelodyCorpus.midiFiles(corpus)) {
            String name = file.getFileName().toString();
            if (!MelodyCorpus.isValidation(name)) {
                continue;
            }
            Song song;
            try {
                song = reader.read(file);
            } catch (MidiFormatException e) {
                continue;
            }
            Optional<List<Note>> melody = MelodyLines.melodyOf(song);
            if (melody.isEmpty()) {
                continue;
            }
            List<Note> cut = new ArrayList<>();
            for (Note n : melody.get()) {
                if (song.seconds(n.start()) < seconds) {
                    cut.add(n);
                }
            }
            if (cut.isEmpty()) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
                continue;
            }
            tunes.add(new Tune(name, song.withTracks(List.of(Track.of("Melody", 0, 0, cut)))));
            if (tunes.size() >= maxTunes) {
                break;
            }
        }
        return tunes;
    }

    public Report evaluate(List<Tune> tunes, List<Instrument> instruments, List<Condition> conditions,
                           Consumer<String> progress) throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (Instrument inst : instruments) {
            for (Condition cond : conditions) {
                NoteMatching.Counts counts = NoteMatching.Counts.ZERO;
                double audio = 0;
                double wall = 0;
                double tuningError = 0;
                for (int i = 0; i < tunes.size(); i++) {
                    Tune tune = tunes.get(i);
                    float[] samples = render(tune.song(), inst.program(), cond, 1000L * i + 17);
                    long t0 = org.melodist.analysis.CpuClock.nanos();
                    Transcription t = transcriber.transcribe(samples, SAMPLE_RATE, OptionalDouble.empty());
                    wall += (org.melodist.analysis.CpuClock.nanos() - t0) / 1e9;
                    audio += samples.length / (double) SAMPLE_RATE;
                    counts = counts.plus(NoteMatching.match(reference(tune.song(), cond), NoteMatching.of(t.notes())));
                    tuningError += Math.abs(t.tuningCents() - cond.detuneCents());
                }
                Cell cell = new Cell(inst, cond, counts, audio, wall, tuningError / Math.max(1, tunes.size()));
                cells.add(cell);
                progress.accept(String.format(java.util.Locale.ROOT, "%-7s %-20s F1 %.3f (P %.3f R %.3f)", inst.name(),
                        cond.name(), counts.f1(), counts.precision(), counts.recall()));
            }
        }
        return new Report(cells, tunes.size(), 0);
    }

    /** The score's notes as heard: onsets and offsets in seconds, pitch shifted by the condition's detune. */
    public static List<NoteMatching.Timed> reference(Song song, Condition cond) {
        List<NoteMatching.Timed> out = new ArrayList<>();
        for (Note n : song.tracks().get(0).notes()) {
            out.add(new NoteMatching.Timed(song.seconds(n.start()), song.seconds(n.end()),
                    n.pitch() + cond.detuneCents() / 100));
        }
        return out;
    }

    /** Renders the song's first track with {@code program} under {@code cond}: mono samples at 22,050 Hz. */
    public float[] render(Song song, int program, Condition cond, long noiseSeed) throws IOException {
        Song s = song.withTracks(List.of(song.tracks().get(0).withProgram(program)));
        RenderOptions options = RenderOptions.DEFAULT.withSampleRate(SAMPLE_RATE).withTail(0.5);
        Sequence seq = new SongSequenceBuilder().buildAudible(s, PlaybackMix.DEFAULT);
        try {
            javax.sound.midi.Track t = seq.getTracks()[SongSequenceBuilder.sequenceTrackOf(0)];
            int channel = s.tracks().get(0).channel();
            if (cond.detuneCents() != 0) {
                // default bend range: +-2 semitones over +-8192
                int bend = (int) Math.round(8192 + 8192 * cond.detuneCents() / 200.0);
                t.add(new MidiEvent(new ShortMessage(ShortMessage.PITCH_BEND, channel, bend & 0x7F, bend >> 7), 0));
            }
            if (cond.vibrato() > 0) {
                t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 1, cond.vibrato()), 0));
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        short[] pcm;
        try (AudioInputStream in = new OfflineRenderer(bank).open(seq, options, 0)) {
            byte[] bytes = in.readAllBytes();
            pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        }
        float[] mono = new float[pcm.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (pcm[2 * i] + pcm[2 * i + 1]) / 65536f;
        }
        if (Double.isFinite(cond.snrDb())) {
            addNoise(mono, cond.snrDb(), new Random(noiseSeed));
        }
        return mono;
    }

    /** White Gaussian noise at {@code snrDb} below the RMS of the sounding part of the signal. */
    static void addNoise(float[] x, double snrDb, Random random) {
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        double sum = 0;
        int count = 0;
        for (float v : x) {
            if (Math.abs(v) > peak * 1e-3) {
                sum += v * v;
                count++;
            }
        }
        double rms = count == 0 ? 0 : Math.sqrt(sum / count);
        double sigma = rms / Math.pow(10, snrDb / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] + sigma * random.nextGaussian());
        }
    }
}
