package org.melodist.transcribe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.melodist.analysis.AudioDecodeException;
import org.melodist.analysis.AudioDecoder;
import org.melodist.analysis.DecodedAudio;
import org.melodist.analysis.TempoEstimator;

/**
 * Audio to melody notes for monophonic recordings (singing, humming, whistling, a flute, a violin, one guitar
 * line): TarsosDSP's YIN pitch track ({@link PitchTracker}), then voicing, tuning and note segmentation
 * ({@link NoteSegmenter}). Files are read with the analysis decoder, so every format analysis reads works here.
 */
public final class MelodyTranscriber {

    /** Tempo reported when too few notes were heard to estimate one. */
    public static final double DEFAULT_TEMPO = 120.0;
    public static final double MIN_TEMPO = 20;
    public static final double MAX_TEMPO = 400;
    private static final int TEMPO_HOP = 512;

    private final PitchTracker tracker;
    private final NoteSegmenter segmenter = new NoteSegmenter();

    public MelodyTranscriber() {
        this.tracker = new PitchTracker();
    }

    /** Decodes {@code file} (silence is allowed: it transcribes to no notes) and transcribes it. */
    public Transcription transcribe(Path file, OptionalDouble tempoBpm) throws AudioDecodeException {
        DecodedAudio audio = new AudioDecoder().allowingSilence().decode(file);
        return transcribe(audio.samples(), audio.sampleRate(), tempoBpm);
    }

    /**
     * Transcribes mono samples in [-1, 1].
     *
     * @param tempoBpm the tempo to place the notes on; empty estimates one from the note onsets
     */
    public Transcription transcribe(float[] samples, int sampleRate, OptionalDouble tempoBpm) {
        checkTempo(tempoBpm);
        PitchTrack track = tracker.track(samples, sampleRate);
        NoteSegmenter.Result r = segmenter.segment(track);
        double duration = samples.length / (double) sampleRate;
        double tempo = tempoBpm.isPresent() ? tempoBpm.getAsDouble() : estimateTempo(r.notes(), duration);
        return new Transcription(r.notes(), r.tuningCents(), tempo, tempoBpm.isPresent(), duration,
                Optional.ofNullable(r.emptyReason()));
    }

    /** The pitch track alone, as the live display shows it. */
    public PitchTrack pitchTrack(float[] samples, int sampleRate) {
        return tracker.track(samples, sampleRate);
    }

    public static void checkTempo(OptionalDouble tempoBpm) {
        if (tempoBpm.isPresent() && !(tempoBpm.getAsDouble() >= MIN_TEMPO && tempoBpm.getAsDouble() <= MAX_TEMPO)) {
            throw new IllegalArgumentException("tempo " + tempoBpm.getAsDouble() + " BPM is outside " + (int) MIN_TEMPO
                    + "-" + (int) MAX_TEMPO);
        }
    }

    /**
     * The tempo of the note onsets, by the analysis tempo estimator on an onset envelope made of the notes
     * (each onset an impulse weighted by its confidence); {@link #DEFAULT_TEMPO} with fewer than four notes.
     */
    static double estimateTempo(List<TranscribedNote> notes, double durationSec) {
        if (notes.size() < 4) {
            return DEFAULT_TEMPO;
        }
        int rate = AudioDecoder.TARGET_RATE;
        int frames = (int) Math.ceil(durationSec * rate / TEMPO_HOP) + 2;
        double[] envelope = new double[frames];
        for (TranscribedNote n : notes) {
            int f = (int) Math.round(n.startSec() * rate / TEMPO_HOP);
            if (f < frames) {
                envelope[f] += n.confidence();
            }
        }
        double bpm = new TempoEstimator(rate, TEMPO_HOP).tempo(envelope);
        return bpm > 0 ? Math.round(10 * bpm) / 10.0 : DEFAULT_TEMPO;
    }
}
