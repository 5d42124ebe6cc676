package org.melodist.transcribe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link PitchTrack} into notes.
 *
 * <ol>
 * <li>Voicing: each frame's chance of being a sung or played note, from YIN's confidence and the frame's level
 * against the recording's loud passages (so breath, room noise and reverb tails count as silence).</li>
 * <li>Tuning: the circular mean of every confident frame's deviation from the nearest semitone, weighted by
 * confidence, is the performer's offset from A4 = 440 Hz; the notes are chosen after removing it.</li>
 * <li>Spectral check: YIN's pitch counts as reliable only where the spectrum bears it out ({@link HarmonicSalience}):
 * where the previous note rings on under the next one, or a slow attack rises under a fading note, YIN reads the
 * two notes' common sub-harmonic (an octave or more below) with high confidence, though the note it names has
 * little of the spectrum's harmonic salience.</li>
 * <li>Note tracking: a Viterbi pass over one state per MIDI note plus silence. A frame favours the notes near
 * its pitch with a broad Gaussian (so vibrato of half a semitone either way stays in one note), and changing
 * note or starting and ending one costs a fixed penalty (so a glide or a scoop into a note does not make a
 * note per semitone passed, and a one-frame dropout does not split a note). Where the pitch is unreliable,
 * every note is as likely as a frame half a semitone off, times its share of the frame's harmonic salience, so
 * the tracker follows the note the spectrum shows rather than holding on to the last one; and such a frame is
 * silence only as far as its spectrum is not harmonic (a bowed note's noisy attack, two notes overlapping and a
 * vibrato that unsettles YIN are still sound).</li>
 * <li>Re-articulation: an onset found by TarsosDSP's complex-domain detector inside a note, as strong as the
 * recording's typical attack and with a dip in level or confidence, starts a new note of the same pitch (repeated
 * notes, tonguing, re-bowing); so does a deep dip in level alone. Where the note's level wavers (an ensemble's
 * voices beating), the dips needed grow with that wavering. Outside vibrato, such an onset without a dip still starts
 * a repeated note where the note's own partials are renewed ({@link HarmonicFlux}).</li>
 * <li>Onset timing: a note that follows another without a silence starts shortly before the new note's harmonic
 * salience overtakes the old one's (by a lag measured on the recording against its detected onsets: a slow attack
 * or a long release lengthens it), or, after a short breath, where the level rises again; a detected onset close to
 * that time is taken as it is. Others start at the nearest detected onset, or where their own partials begin
 * ({@link OnsetRefiner}).</li>
 * <li>Notes shorter than {@link #MIN_NOTE_SEC} are dropped.</li>
 * <li>A short note at a sub-harmonic of the note it leads into without a silence (12, 19 or 24 semitones below) is
 * that note's slow attack tracked at the sub-harmonic: the note starts there instead
 * ({@link #withoutSubOctaveLeadIns}).</li>
 * </ol>
 */
public final class NoteSegmenter {

    /** Shortest note kept. */
    public static final double MIN_NOTE_SEC = 0.045;
    static final int LOW_NOTE = 24;
    static final int HIGH_NOTE = 108;
    /** Frames quieter than this (dBFS) are never notes. */
    static final double FLOOR_DB = -65;
    /** Frames this far below the loud passages are silence. */
    static final double RANGE_DB = 32;
    /** Loudest level (dBFS) of a recording that counts as silent. */
    static final double SILENT_DB = -60;

    private static final double SIGMA = 0.42;
    private static final double CHANGE_PENALTY = 7.0;
    private static final double START_PENALTY = 5.0;
    private static final double END_PENALTY = 5.0;
    private static final int SILENCE = 0;
    /** How far past the tracked start of a note {@link #changeTime} looks for the new note to take over. */
    private static final int CHANGE_AFTER_FRAMES = 3;
    /** And how far before it (190 ms): the tracker follows a change within that. */
    private static final int CHANGE_BEFORE_FRAMES = 16;
    /**
     * A legato change is heard about this long before the new note's salience (93 ms windows) overtakes the old one's:
     * measured on rendered flutes, violins, choirs and voices, 23-61 ms (median per instrument). Used where the
     * recording has too few clear onsets to measure its own.
     */
    private static final double CHANGE_LAG_SEC = 0.04;
    /**
     * The lag is measured per recording against the detected onsets at least this fraction of a typical attack
     * ({@link #changeLag}), within this window before each change, from at least {@link #LAG_PAIRS} changes.
     */
    private static final double LAG_SALIENCE = 0.5;
    private static final double LAG_WINDOW_SEC = 0.1;
    private static final int LAG_PAIRS = 8;
    private static final double MIN_LAG_SEC = 0.02;
    private static final double MAX_LAG_SEC = 0.07;
    /** Fewer legato changes than this fraction with a detected onset before them: the attacks are slow. */
    private static final double SLOW_PAIRS = 1 / 3.0;
    /** A detected onset this close to the salience change times a legato note; farther, the change does. */
    private static final double AGREE_SEC = 0.03;
    /**
     * A run shorter than this, at a sub-harmonic of the note that follows it at once (12, 19 or 24 semitones below), is
     * that note's attack tracked at the sub-harmonic ({@link #withoutSubOctaveLeadIns}).
     */
    private static final double LEAD_IN_SEC = 0.15;
    /** Runs of different notes at most this many frames apart are a legato change. */
    private static final int LEGATO_GAP_FRAMES = 3;
    /**
     * A dip in level between two notes this deep, and {@link #WAVER_DIP} times the wavering of the first one's level,
     * is a breath or a stop, not a legato change.
     */
    private static final double BREATH_DB = 9;
    /**
     * Inside a note whose level wavers (an ensemble beating), a dip must be this many times the wavering (the
     * interquartile range of the note's level in dB) to start a repeated note, and a re-attack around a detected onset
     * {@link #WAVER_REATTACK} times it.
     */
    private static final double WAVER_DIP = 3;
    private static final double WAVER_REATTACK = 1.5;
    private static final double OWN_ONSET_SEC = 0.1;
    private static final double SNAP_BEFORE_SEC = 0.1;
    private static final double SNAP_AFTER_SEC = 0.03;
    /** An onset inside a note at least this fraction of a typical attack's salience starts a repeated note. */
    private static final double REPEAT_SALIENCE = 0.5;
    /** Onsets weaker than this fraction of a typical attack are not used to time notes. */
    private static final double SNAP_SALIENCE = 0.25;
    private static final double REATTACK_DB = 2.0;
    private static final double DIP_DB = 6.0;
    private static final double SAME_ATTACK_SEC = 0.06;
    private static final double DIP_WINDOW_SEC = 0.08;
    private static final double RELIABLE_PROBABILITY = 0.82;
    private static final double RELIABLE_SCALE = 0.03;
    private static final double REATTACK_PROBABILITY = 0.88;
    /** Vibrato: the pitch swings around its note at 3.5-9 Hz by at least this much (semitones, standard deviation). */
    private static final double VIBRATO_DEPTH = 0.08;
    /** Frames whose pitch reliability is below this weigh the notes by their harmonic salience. */
    private static final double SALIENCE_BELOW = 0.9;
    /** The least weight a note gets from its salience in such frames (the strongest note gets 1). */
    private static final double SALIENCE_FLOOR = 0.05;
    /** YIN's note must have at least this fraction of the strongest note's salience to be fully trusted. */
    private static final double VERIFY = 0.95;
    /**
     * Where YIN is unsure, a frame whose spectrum lies mostly on the harmonics of one or two notes counts as sounding
     * with this weight per unit of harmonicity above {@link #TONAL_FROM} (a noisy or breathy frame stays silence).
     */
    private static final double TONAL_WEIGHT = 2;
    private static final double TONAL_FROM = 0.3;

    /** Notes and tuning, or why there are none. */
    public record Result(List<TranscribedNote> notes, double tuningCents, String emptyReason) {
    }

    public Result segment(PitchTrack track) {
        int n = track.frames();
        double ref = percentile(track.levelDb(), 0.97);
        if (n == 0 || ref < SILENT_DB) {
            return new Result(List.of(), 0, String.format(java.util.Locale.ROOT,
                    "no notes: the recording is silent (loudest passages at %.0f dBFS)", n == 0 ? -120.0 : ref));
        }
        double[] midi = smoothedMidi(track);
        double[] presence = presence(track, ref);
        double[] reliability = reliability(track, midi);
        HarmonicSalience salience = new HarmonicSalience(track.signal(), track.signalRate());
        verify(track, midi, presence, reliability, salience);
        double[] voicing = new double[n];
        for (int i = 0; i < n; i++) {
            voicing[i] = presence[i] * reliability[i];
        }
        double tuning = tuning(midi, voicing);
        int[] states = viterbi(midi, presence, reliability, tuning,
                salience, track.hopSeconds());
        List<int[]> runs = runs(states);
        Onsets.Found found = Onsets.detect(track.signal(), track.signalRate());
        double attack = attackSalience(runs, track, found);
        runs = splitRepeats(runs, track, midi, tuning, found.atLeast(REPEAT_SALIENCE * attack));
        double[] onsets = notEndings(track, found.atLeast(SNAP_SALIENCE * attack));
        int minFrames = (int) Math.ceil(MIN_NOTE_SEC / track.hopSeconds());
        List<int[]> kept = new ArrayList<>();
        for (int[] r : runs) {
            if (r[1] - r[0] >= minFrames) {
                kept.add(r);
            }
        }
        kept = withoutSubOctaveLeadIns(kept, (int) Math.round(LEAD_IN_SEC / track.hopSeconds()));
        // where each note that follows another without a silence begins: at a legato change, shortly before the new
        // note's salience overtakes the old one's (by a lag measured on this recording); after a breath, where the
        // level rises again
        double[] changes = new double[kept.size()];
        Arrays.fill(changes, Double.NaN);
        double[] breaths = changes.clone();
        for (int k = 1; k < kept.size(); k++) {
            int[] prev = kept.get(k - 1);
            int[] r = kept.get(k);
            if (prev[2] != r[2] && prev[1] >= r[0] - LEGATO_GAP_FRAMES) {
                double c = changeTime(track, salience, prev[2] + tuning, r[2] + tuning, r[0],
                        track.time(prev[0]) + MIN_NOTE_SEC);
                // a breath or a stop between the notes: no legato, the new note's own attack times it
                double breathDb = Math.max(BREATH_DB, WAVER_DIP * levelSpread(track.levelDb(), prev[0], prev[1]));
                double rise = Double.isNaN(c) ? Double.NaN : riseAfterBreath(track, c, breathDb);
                if (Double.isNaN(rise)) {
                    changes[k] = c;
                } else {
                    breaths[k] = rise;
                }
            }
        }
        double lag = changeLag(changes, found.atLeast(LAG_SALIENCE * attack));
        OnsetRefiner refiner = new OnsetRefiner(track.signal(), track.signalRate());
        List<TranscribedNote> notes = new ArrayList<>();
        double previousStart = 0;
        for (int k = 0; k < kept.size(); k++) {
            int[] r = kept.get(k);
            double hz = 440 * Math.pow(2, (r[2] + tuning - 69) / 12.0);
            double earliest = 0;
            if (k > 0) {
                int[] prev = kept.get(k - 1);
                earliest = Math.max(previousStart, track.time(prev[0])) + MIN_NOTE_SEC;
                if (prev[1] < r[0] && quietBetween(presence, prev[1], r[0])) {
                    // after a silence the note cannot have begun before it: the onset detector also fires where the
                    // previous note ends. A gap that stays loud is no silence but a change the tracker could not
                    // follow (two notes overlapping, a slow attack), and the new note may well begin inside it.
                    earliest = Math.max(earliest, track.time(prev[1]));
                }
            }
            double tracked = track.time(r[0]);
            // a start found at a dip in level is already exact; others move to the detected onset nearest to them,
            // or else to where the note's partials rise
            double onset = tracked;
            double change = changes[k];
            if (r.length <= 3 || r[3] == 0) {
                onset = nearestOnset(onsets, tracked, earliest);
                if (!Double.isNaN(breaths[k])) {
                    double b = Math.max(earliest, breaths[k]);
                    if (Double.isNaN(onset) || Math.abs(onset - b) > AGREE_SEC) {
                        onset = b;
                    }
                } else if (!Double.isNaN(change)) {
                    double c = Math.max(earliest, change - lag);
                    if (Double.isNaN(onset) || Math.abs(onset - c) > AGREE_SEC) {
                        onset = c;
                    }
                } else if (Double.isNaN(onset)) {
                    onset = refiner.refine(tracked, hz, earliest);
                }
            }
            TranscribedNote note = note(track, midi, voicing, r, onset, tuning);
            if (!notes.isEmpty() && notes.get(notes.size() - 1).endSec() > onset) {
                TranscribedNote prev = notes.remove(notes.size() - 1);
                notes.add(new TranscribedNote(prev.pitch(), prev.startSec(), onset, prev.cents(), prev.confidence()));
            }
            notes.add(note);
            previousStart = onset;
        }
        if (notes.isEmpty()) {
            return new Result(List.of(), 0, "no notes: nothing in the recording has a steady pitch (noise, speech "
                    + "or percussion only?)");
        }
        return new Result(notes, 100 * tuning, null);
    }

    /**
     * Checks YIN's pitch against the spectrum: a frame whose note has little harmonic salience next to the strongest
     * note sounding (a common sub-harmonic of two overlapping notes, an octave or two below the sung note) counts
     * as unreliable, so that the note tracker goes by the spectrum there.
     */
    private static void verify(PitchTrack track, double[] midi, double[] presence, double[] reliability,
                               HarmonicSalience salience) {
        for (int t = 0; t < midi.length; t++) {
            if (Double.isNaN(midi[t]) || reliability[t] < 0.05 || presence[t] < 0.05) {
                continue;
            }
            int m = (int) Math.rint(midi[t]);
            if (m < LOW_NOTE || m > HIGH_NOTE) {
                continue;
            }
            double[] s = salience.relative(track.time(t), LOW_NOTE, HIGH_NOTE, midi[t] - m);
            double ratio = s[m - LOW_NOTE];
            if (ratio < VERIFY) {
                reliability[t] *= ratio / VERIFY;
            }
        }
    }

    /**
     * Where a legato change from {@code oldMidi} to {@code newMidi} happened: the time at which the new note's harmonic
     * salience overtakes the old one's, searched from {@code earliest} (at most 190 ms back) to a few frames past the tracked start
     * {@code startFrame} (linearly interpolated between frames on the log ratio); {@code NaN} when the new note never
     * overtakes the old one there.
     */
    static double changeTime(PitchTrack track, HarmonicSalience salience, double oldMidi, double newMidi, int startFrame,
                             double earliest) {
        int first = Math.max(Math.max(0, startFrame - CHANGE_BEFORE_FRAMES), (int) Math.ceil(earliest / track.hopSeconds()));
        int last = Math.min(track.frames() - 1, startFrame + CHANGE_AFTER_FRAMES);
        double prevRatio = Double.NaN;
        double crossing = Double.NaN;
        for (int t = first; t <= last; t++) {
            double[] s = salience.pair(track.time(t), oldMidi, newMidi);
            double ratio = Math.log((s[1] + 1e-9) / (s[0] + 1e-9));
            if (ratio >= 0 && (Double.isNaN(prevRatio) || prevRatio < 0) && Double.isNaN(crossing)) {
                crossing = Double.isNaN(prevRatio) ? track.time(t)
                        : track.time(t) - track.hopSeconds() * ratio / (ratio - prevRatio);
            } else if (ratio < 0) {
                crossing = Double.NaN;
            }
            prevRatio = ratio;
        }
        return crossing;
    }

    /**
     * How long before the spectral change the legato notes of this recording begin: the median distance from each
     * change back to the nearest detected onset before it (within {@link #LAG_WINDOW_SEC}), kept within
     * {@link #MIN_LAG_SEC}..{@link #MAX_LAG_SEC}. A slow attack (a choir) or a long release (reverberation) lengthens
     * it. With fewer than {@link #LAG_PAIRS} such pairs: {@link #MAX_LAG_SEC} when there were enough changes but the
     * detector saw under {@link #SLOW_PAIRS} of them (attacks too slow for it, as a bowed string under a long release
     * or a choir in noise: their legato notes begin long before the new note takes over), else {@link #CHANGE_LAG_SEC}.
     */
    static double changeLag(double[] changes, double[] onsets) {
        List<Double> d = new ArrayList<>();
        int measured = 0;
        for (double c : changes) {
            if (Double.isNaN(c)) {
                continue;
            }
            measured++;
            double best = Double.NaN;
            for (double o : onsets) {
                if (o <= c && o >= c - LAG_WINDOW_SEC && (Double.isNaN(best) || o > best)) {
                    best = o;
                }
            }
            if (!Double.isNaN(best)) {
                d.add(c - best);
            }
        }
        if (d.size() < LAG_PAIRS) {
            return measured >= LAG_PAIRS && d.size() < SLOW_PAIRS * measured ? MAX_LAG_SEC : CHANGE_LAG_SEC;
        }
        d.sort(null);
        return Math.max(MIN_LAG_SEC, Math.min(MAX_LAG_SEC, d.get(d.size() / 2)));
    }

    /**
     * Where a note begins after a breath or a stop before the spectral change at {@code c}: the steepest rise in level
     * after the deepest dip of {@code breathDb} or more within {@link #LAG_WINDOW_SEC} of it; {@code NaN} without one.
     */
    private static double riseAfterBreath(PitchTrack track, double c, double breathDb) {
        float[] db = track.levelDb();
        int w = Math.max(2, (int) Math.round(DIP_WINDOW_SEC / track.hopSeconds()));
        int from = Math.max(1, (int) Math.floor((c - LAG_WINDOW_SEC) / track.hopSeconds()));
        int to = Math.min(db.length - 2, (int) Math.ceil((c + LAG_WINDOW_SEC / 2) / track.hopSeconds()));
        int dip = -1;
        for (int t = from; t <= to; t++) {
            if (isDip(db, t, w, 0, db.length, breathDb) && (dip < 0 || db[t] < db[dip])) {
                dip = t;
            }
        }
        if (dip < 0) {
            return Double.NaN;
        }
        int onset = dip;
        double steepest = Double.NEGATIVE_INFINITY;
        for (int k = dip; k < Math.min(db.length - 1, dip + w); k++) {
            if (db[k + 1] - db[k] > steepest) {
                steepest = db[k + 1] - db[k];
                onset = k;
            }
        }
        return track.time(onset);
    }

    /**
     * Runs with each short sub-harmonic lead-in joined to the note it leads into: a run shorter than {@code shortFrames}
     * an octave, an octave and a fifth or two octaves below the next run (its second, third or fourth sub-harmonic),
     * which follows it without a silence, is where the note's attack was tracked at a sub-harmonic (a slow attack
     * rising under the previous note; YIN's period doubles, triples or quadruples), so the next run starts there
     * instead. Runs are {start, end, pitch, timed}.
     */
    static List<int[]> withoutSubOctaveLeadIns(List<int[]> runs, int shortFrames) {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            int[] r = runs.get(k);
            if (k + 1 < runs.size()) {
                int[] next = runs.get(k + 1);
                // the later run keeps its pitch and takes the lead-in's start (and how it was timed)
                int up = next[2] - r[2];
                if (r[1] - r[0] < shortFrames && next[0] - r[1] <= LEGATO_GAP_FRAMES && (up == 12 || up == 19 || up == 24)) {
                    int[] merged = next.clone();
                    merged[0] = r[0];
                    if (merged.length > 3) {
                        merged[3] = r.length > 3 ? r[3] : 0;
                    }
                    runs.set(k + 1, merged);
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    /** True when some frame in {@code from..to} (exclusive) is more likely silent than sounding. */
    private static boolean quietBetween(double[] presence, int from, int to) {
        for (int t = from; t < to; t++) {
            if (presence[t] < 0.5) {
                return true;
            }
        }
        return false;
    }

    /** The track's MIDI pitch with single-frame octave slips and outliers removed by a 5-frame median. */
    static double[] smoothedMidi(PitchTrack track) {
        int n = track.frames();
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = track.midi(i);
        }
        double[] out = new double[n];
        double[] win = new double[5];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(raw[i])) {
                out[i] = Double.NaN;
                continue;
            }
            int k = 0;
            for (int j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) {
                if (!Double.isNaN(raw[j])) {
                    win[k++] = raw[j];
                }
            }
            Arrays.sort(win, 0, k);
            double med = k % 2 == 1 ? win[k / 2] : 0.5 * (win[k / 2 - 1] + win[k / 2]);
            // keep the frame's own value unless it is an outlier against its neighbours (vibrato stays intact)
            out[i] = Math.abs(raw[i] - med) > 0.8 ? med : raw[i];
        }
        return out;
    }

    /** How surely each frame holds sound at all: its level against the recording's loud passages. */
    static double[] presence(PitchTrack track, double ref) {
        int n = track.frames();
        double[] e = new double[n];
        double gateDb = Math.max(FLOOR_DB, ref - RANGE_DB);
        for (int i = 0; i < n; i++) {
            e[i] = 1 / (1 + Math.exp(-(track.levelDb()[i] - gateDb) / 2.5));
        }
        return e;
    }

    /**
     * How far each frame's pitch can be trusted: YIN's confidence through a steep logistic, since overlapping
     * notes, breath and noise give confidences around 0.8 while a clear tone gives 0.95 and more.
     */
    static double[] reliability(PitchTrack track, double[] midi) {
        int n = track.frames();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Double.isNaN(midi[i]) ? 0
                    : 1 / (1 + Math.exp(-(track.probability()[i] - RELIABLE_PROBABILITY) / RELIABLE_SCALE));
        }
        return r;
    }

    /**
     * Splits runs of one pitch into repeated notes. Candidates are the places where the level dips by
     * {@link #DIP_DB} and comes back (a breath or a stop; the new note starts where the level rises fastest after
     * the dip) and the strong detected onsets with a re-attack around them ({@link #reattacks}); an onset within
     * {@link #SAME_ATTACK_SEC} of a dip is that dip's. Outside vibrato, a strong onset without a re-attack in level still
     * starts a repeated note where the note's own partials are renewed well beyond their usual wavering ({@link HarmonicFlux}: a
     * note struck again while its release still sounds). A split must leave at least {@link #OWN_ONSET_SEC} on either side.
     */
    private static List<int[]> splitRepeats(List<int[]> runs, PitchTrack track, double[] midi, double tuning,
                                            double[] onsets) {
        float[] db = track.levelDb();
        HarmonicFlux harmonic = new HarmonicFlux(track.signal(), track.signalRate());
        int w = Math.max(2, (int) Math.round(DIP_WINDOW_SEC / track.hopSeconds()));
        int own = (int) Math.ceil(OWN_ONSET_SEC / track.hopSeconds());
        int same = (int) Math.round(SAME_ATTACK_SEC / track.hopSeconds());
        List<int[]> out = new ArrayList<>();
        for (int[] r : runs) {
            // candidates: {end of the previous piece, start of the next, 1 if timed at a dip}
            List<int[]> cands = new ArrayList<>();
            // with vibrato the detector fires about twice a cycle and YIN's confidence wavers with the pitch: there
            // only a dip in level shows that a detected onset is a new attack
            boolean vibrato = r[2] != SILENCE && hasVibrato(midi, r, track.hopSeconds());
            // an ensemble (a choir, a string section) beats: its level wavers by several dB at a steady pitch, and
            // only a dip well beyond that wavering is a new attack
            double wavering = levelSpread(db, r[0] + own / 2, r[1] - own / 2);
            double dipDb = Math.max(DIP_DB, WAVER_DIP * wavering);
            double reattackDb = Math.max(REATTACK_DB, WAVER_REATTACK * wavering);
            for (int t = r[0] + 1; t < r[1] - 1; t++) {
                if (isDip(db, t, w, r[0], r[1], dipDb)) {
                    int onset = t;
                    double steepest = Double.NEGATIVE_INFINITY;
                    for (int k = t; k < Math.min(r[1] - 1, t + w); k++) {
                        if (db[k + 1] - db[k] > steepest) {
                            steepest = db[k + 1] - db[k];
                            onset = k;
                        }
                    }
                    cands.add(new int[] {t, onset, 1});
                    t = onset;
                }
            }
            double[] flux = null;
            for (double o : onsets) {
                int f = (int) Math.round(o / track.hopSeconds());
                if (f <= r[0] || f >= r[1]) {
                    continue;
                }
                if (!reattacks(track, f, vibrato, reattackDb)) {
                    // with vibrato the partials swing in and out of their windows with every cycle: only a dip counts
                    if (vibrato) {
                        continue;
                    }
                    if (flux == null) {
                        flux = harmonic.flux(track, r[0], r[1], r[2] + tuning);
                    }
                    if (!HarmonicFlux.reattack(flux, f - r[0])) {
                        continue;
                    }
                }
                boolean dip = false;
                for (int[] c : cands) {
                    dip |= c[2] == 1 && Math.abs(c[1] - f) <= same;
                }
                if (!dip) {
                    cands.add(new int[] {f, f, 0});
                }
            }
            cands.sort((a, b) -> Integer.compare(a[1], b[1]));
            int start = r[0];
            int timed = r.length > 3 ? r[3] : 0;
            for (int[] c : cands) {
                if (c[1] - start >= own && r[1] - c[1] >= own) {
                    out.add(new int[] {start, Math.max(start + 1, c[0]), r[2], timed});
                    start = c[1];
                    timed = c[2];
                }
            }
            out.add(new int[] {start, r[1], r[2], timed});
        }
        return out;
    }


    /** A local minimum of level with the level at least {@link #DIP_DB} higher on both sides within the window. */
    private static boolean isDip(float[] db, int t, int w, int lo, int hi, double dipDb) {
        if (db[t] > db[t - 1] || db[t] > db[t + 1]) {
            return false;
        }
        double left = Double.NEGATIVE_INFINITY;
        for (int k = Math.max(lo, t - w); k < t; k++) {
            left = Math.max(left, db[k]);
        }
        double right = Double.NEGATIVE_INFINITY;
        for (int k = t + 1; k < Math.min(hi, t + w); k++) {
            right = Math.max(right, db[k]);
        }
        return Math.min(left, right) - db[t] >= dipDb;
    }

    /** The interquartile range of the level (dB) over frames {@code from..to} (exclusive); 0 for fewer than 8. */
    static double levelSpread(float[] db, int from, int to) {
        if (to - from < 8) {
            return 0;
        }
        float[] v = Arrays.copyOfRange(db, Math.max(0, from), Math.min(db.length, to));
        Arrays.sort(v);
        return v[3 * v.length / 4] - v[v.length / 4];
    }

    /**
     * True when the sound around frame {@code f} shows a new attack rather than a smooth change inside one note:
     * the level dips and rises again by {@link #REATTACK_DB}, or steps up by as much from a steady level (a note
     * struck again while it still sounds; a slow attack still rising is no new one), or YIN's confidence drops below
     * {@link #REATTACK_PROBABILITY} in two frames or more (the old and the new note overlap out of phase; a single
     * frame without a pitch is a glitch of YIN's); with {@code levelOnly} (a note sung with vibrato, whose confidence
     * wavers with every cycle) only the level counts. {@code reattackDb} is the dip needed: more where the
     * note's level wavers anyway.
     */
    private static boolean reattacks(PitchTrack track, int f, boolean levelOnly, double reattackDb) {
        int n = track.frames();
        int near = (int) Math.round(0.03 / track.hopSeconds());
        int far = (int) Math.round(0.08 / track.hopSeconds());
        double dip = Double.POSITIVE_INFINITY;
        double minProb = 1;
        double secondProb = 1;
        for (int k = Math.max(0, f - near); k <= Math.min(n - 1, f + near / 3); k++) {
            dip = Math.min(dip, track.levelDb()[k]);
            double p = Float.isNaN(track.hz()[k]) ? 0 : track.probability()[k];
            if (p < minProb) {
                secondProb = minProb;
                minProb = p;
            } else {
                secondProb = Math.min(secondProb, p);
            }
        }
        double before = Double.NEGATIVE_INFINITY;
        double beforeLow = Double.POSITIVE_INFINITY;
        for (int k = Math.max(0, f - far); k < Math.max(0, f - near); k++) {
            before = Math.max(before, track.levelDb()[k]);
            beforeLow = Math.min(beforeLow, track.levelDb()[k]);
        }
        double after = Double.NEGATIVE_INFINITY;
        for (int k = Math.min(n, f + near / 3 + 1); k <= Math.min(n - 1, f + far); k++) {
            after = Math.max(after, track.levelDb()[k]);
        }
        boolean steadyBefore = before - beforeLow < reattackDb;
        return Math.min(before, after) - dip >= reattackDb || steadyBefore && after - before >= reattackDb
                || !levelOnly && secondProb < REATTACK_PROBABILITY;
    }

    /**
     * True when the pitch of run {@code r} swings around its centre like vibrato: at least {@link #VIBRATO_DEPTH}
     * semitones (standard deviation about the median) and crossing the median 7-18 times a second (3.5-9 Hz).
     */
    static boolean hasVibrato(double[] midi, int[] r, double hopSeconds) {
        List<Double> v = new ArrayList<>();
        for (int k = r[0]; k < r[1]; k++) {
            if (!Double.isNaN(midi[k])) {
                v.add(midi[k]);
            }
        }
        if (v.size() * hopSeconds < 0.25) {
            return false;
        }
        List<Double> sorted = new ArrayList<>(v);
        sorted.sort(null);
        double median = sorted.get(sorted.size() / 2);
        double ss = 0;
        int crossings = 0;
        int sign = 0;
        for (double x : v) {
            double d = x - median;
            ss += d * d;
            int sg = d > 0.03 ? 1 : d < -0.03 ? -1 : 0;
            if (sg != 0 && sign != 0 && sg != sign) {
                crossings++;
            }
            if (sg != 0) {
                sign = sg;
            }
        }
        double depth = Math.sqrt(ss / v.size());
        double rate = crossings / 2.0 / (v.size() * hopSeconds);
        return depth >= VIBRATO_DEPTH && rate >= 3.5 && rate <= 9;
    }

    /**
     * The onsets that are not the end of a note: the complex-domain detector also fires where a note stops, and
     * there the level falls by {@link #DIP_DB} or more within the next 50 ms.
     */
    static double[] notEndings(PitchTrack track, double[] onsets) {
        float[] db = track.levelDb();
        int w = Math.max(1, (int) Math.round(0.05 / track.hopSeconds()));
        return Arrays.stream(onsets).filter(o -> {
            int f = Math.min(db.length - 1, (int) Math.round(o / track.hopSeconds()));
            double at = db[Math.max(0, f - 1)];
            double min = Double.POSITIVE_INFINITY;
            for (int k = f; k < Math.min(db.length, f + w); k++) {
                min = Math.min(min, db[k]);
            }
            return min > at - DIP_DB;
        }).toArray();
    }

    /**
     * How strong a real attack is in this recording: the median salience of the detected onsets that coincide
     * with a note start the pitch track found (a change of pitch or a start after silence). Onsets inside a note
     * count as repeated notes only when comparably strong; vibrato, bow changes and looped samples make the
     * detector fire with a fraction of it.
     */
    private static double attackSalience(List<int[]> runs, PitchTrack track, Onsets.Found found) {
        List<Double> s = new ArrayList<>();
        double[] times = found.times();
        for (int[] r : runs) {
            double t = track.time(r[0]);
            int best = -1;
            for (int i = 0; i < times.length; i++) {
                if (times[i] >= t - SNAP_BEFORE_SEC && times[i] <= t + SNAP_AFTER_SEC
                        && (best < 0 || Math.abs(times[i] - t) < Math.abs(times[best] - t))) {
                    best = i;
                }
            }
            if (best >= 0) {
                s.add(found.saliences()[best]);
            }
        }
        if (s.isEmpty()) {
            for (double v : found.saliences()) {
                s.add(v);
            }
        }
        if (s.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        s.sort(null);
        return s.get(s.size() / 2);
    }

    /**
     * The detected onset nearest to where the pitch track starts a note, within {@link #SNAP_BEFORE_SEC} before
     * and {@link #SNAP_AFTER_SEC} after it and not before {@code earliest}; {@code NaN} if none.
     */
    private static double nearestOnset(double[] onsets, double tracked, double earliest) {
        double best = Double.NaN;
        for (double o : onsets) {
            if (o >= earliest && o >= tracked - SNAP_BEFORE_SEC && o <= tracked + SNAP_AFTER_SEC
                    && (Double.isNaN(best) || Math.abs(o - tracked) < Math.abs(best - tracked))) {
                best = o;
            }
        }
        return best;
    }

    /** The performer's offset from equal temperament at A440, in semitones (-0.5..0.5). */
    static double tuning(double[] midi, double[] voicing) {
        double c = 0;
        double s = 0;
        for (int i = 0; i < midi.length; i++) {
            if (voicing[i] < 0.5) {
                continue;
            }
            double dev = midi[i] - Math.rint(midi[i]);
            double w = voicing[i];
            c += w * Math.cos(2 * Math.PI * dev);
            s += w * Math.sin(2 * Math.PI * dev);
        }
        return c == 0 && s == 0 ? 0 : Math.atan2(s, c) / (2 * Math.PI);
    }

    private static int[] viterbi(double[] midi, double[] presence, double[] reliability, double tuning,
                                 HarmonicSalience salience, double hopSeconds) {
        int n = midi.length;
        int states = HIGH_NOTE - LOW_NOTE + 2;
        double[] score = new double[states];
        double[] next = new double[states];
        byte[][] back = new byte[n][];
        double inv2s2 = 1 / (2 * SIGMA * SIGMA);
        // a frame whose pitch is not to be trusted: as likely under any note as a frame half a semitone off
        double garbage = Math.exp(-0.25 * inv2s2);
        Arrays.fill(score, -START_PENALTY);
        score[SILENCE] = 0;
        for (int t = 0; t < n; t++) {
            // the two best note states so far, and silence
            int best = -1;
            int second = -1;
            for (int s = 1; s < states; s++) {
                if (best < 0 || score[s] > score[best]) {
                    second = best;
                    best = s;
                } else if (second < 0 || score[s] > score[second]) {
                    second = s;
                }
            }
            byte[] bp = new byte[states];
            double e = clamp(presence[t]);
            double rel = clamp(reliability[t]);
            double logE = Math.log(e);
            double q = midi[t] - tuning;
            boolean pitched = !Double.isNaN(q);
            // where YIN cannot be trusted, the spectrum says which notes sound (the strongest as likely as before)
            double[] heard = rel < SALIENCE_BELOW && e > 0.05
                    ? salience.relative(t * hopSeconds, LOW_NOTE, HIGH_NOTE, tuning) : null;
            // and a frame whose spectrum is harmonic is sound, not silence, even where YIN is unsure
            double tonal = heard == null ? rel
                    : Math.max(rel, clamp(TONAL_WEIGHT * (salience.lastHarmonicity() - TONAL_FROM)));
            double logU = Math.log(1 - e * tonal);
            // silence
            double fromNote = score[best] - END_PENALTY;
            if (score[SILENCE] >= fromNote) {
                next[SILENCE] = score[SILENCE] + logU;
                bp[SILENCE] = SILENCE;
            } else {
                next[SILENCE] = fromNote + logU;
                bp[SILENCE] = (byte) best;
            }
            for (int s = 1; s < states; s++) {
                double d = pitched ? q - (LOW_NOTE + s - 1) : 0;
                double g = heard == null ? 1 : Math.max(SALIENCE_FLOOR, heard[s - 1]);
                double emit = logE + Math.log((pitched ? rel * Math.exp(-d * d * inv2s2) : 0) + (1 - rel) * garbage * g);
                int other = s == best ? second : best;
                double stay = score[s];
                double change = score[other] - CHANGE_PENALTY;
                double start = score[SILENCE] - START_PENALTY;
                if (stay >= change && stay >= start) {
                    next[s] = stay + emit;
                    bp[s] = (byte) s;
                } else if (change >= start) {
                    next[s] = change + emit;
                    bp[s] = (byte) other;
                } else {
                    next[s] = start + emit;
                    bp[s] = SILENCE;
                }
            }
            back[t] = bp;
            double[] tmp = score;
            score = next;
            next = tmp;
        }
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        int s = 0;
        for (int k = 1; k < states; k++) {
            if (score[k] > score[s]) {
                s = k;
            }
        }
        for (int t = n - 1; t >= 0; t--) {
            path[t] = s == SILENCE ? -1 : LOW_NOTE + s - 1;
            s = back[t][s];
        }
        return path;
    }

    /** Runs of one note: {start frame, end frame (exclusive), pitch, 1 when the start was timed at a dip}. */
    private static List<int[]> runs(int[] states) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < states.length) {
            int p = states[i];
            int j = i + 1;
            while (j < states.length && states[j] == p) {
                j++;
            }
            if (p >= 0) {
                runs.add(new int[] {i, j, p});
            }
            i = j;
        }
        return runs;
    }


    /**
     * The note of run {@code r}: its pitch measured as the median of the frames that agree with it (within a
     * semitone of the note at the performer's tuning); frames the tracker passed over by the spectrum (a common
     * sub-harmonic, the previous note ringing) do not count, and with none left the note is at the tuning.
     */
    private static TranscribedNote note(PitchTrack track, double[] midi, double[] voicing, int[] r, double start,
                                        double tuning) {
        double[] pitches = new double[r[1] - r[0]];
        int k = 0;
        double conf = 0;
        for (int t = r[0]; t < r[1]; t++) {
            conf += voicing[t];
            if (!Double.isNaN(midi[t]) && Math.abs(midi[t] - (r[2] + tuning)) < 1) {
                pitches[k++] = midi[t];
            }
        }
        double cents = 100 * tuning;
        if (k > 0) {
            Arrays.sort(pitches, 0, k);
            double med = k % 2 == 1 ? pitches[k / 2] : 0.5 * (pitches[k / 2 - 1] + pitches[k / 2]);
            cents = 100 * (med - r[2]);
        }
        double end = Math.max(track.time(r[1]), start + track.hopSeconds());
        return new TranscribedNote(r[2], start, end, round1(cents), Math.round(1000 * conf / (r[1] - r[0])) / 1000.0);
    }

    private static double round1(double x) {
        return Math.round(10 * x) / 10.0;
    }

    private static double clamp(double p) {
        return Math.max(0.01, Math.min(0.99, p));
    }

    static double percentile(float[] x, double q) {
        if (x.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        float[] c = x.clone();
        Arrays.sort(c);
        return c[(int) Math.min(c.length - 1, Math.floor(q * c.length))];
    }
}
