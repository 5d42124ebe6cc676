package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.melodist.song.Note;

/**
 * Continues melodies with a loaded model. The seed is run through the LSTM once; after that each new step
 * costs one LSTM step, carrying (h, c), with all variations in one batch. Calls may run concurrently on
 * one instance (each call has its own native memory scope); a call stops with
 * {@link CancellationException} when its cancel flag is raised or its thread is interrupted.
 */
public final class MelodyGenerator implements AutoCloseable {

    /** Told after every generated step. */
    @FunctionalInterface
    public interface Progress {
        void stepDone(int done, int total);

        Progress NONE = (d, t) -> { };
    }

    /** Seeds longer than this many steps are primed on their last bars only: older context adds little. */
    static final int MAX_SEED_STEPS = 512;
    private static final int VELOCITY = 90;

    private final MelodyModel model;
    private final boolean owned;

    public MelodyGenerator(MelodyModel model) {
        this(model, false);
    }

    private final float[] tokenTable;
    private final float[] positionTable;
    private final float[] endTable;
    private final int endSteps;
    private final int embedding;

    private MelodyGenerator(MelodyModel model, boolean owned) {
        this.model = model;
        this.owned = owned;
        // per step the embedding is built here in Java from these tables: five fewer native calls per step
        this.tokenTable = model.net().tokenEmbeddingTable();
        this.positionTable = model.net().positionEmbeddingTable();
        this.endTable = model.net().endEmbeddingTable();
        this.endSteps = model.net().endSteps();
        this.embedding = model.config().embedding();
    }

    /** Loads the model in {@code dir} (see {@link MelodyModel#load}); closing the generator frees it. */
    public static MelodyGenerator load(Path dir) throws IOException {
        return new MelodyGenerator(MelodyModel.load(dir), true);
    }

    public MelodyModel model() {
        return model;
    }

    public GenerationResult generate(MelodySeed seed, GenerationOptions opt) {
        return generate(seed, opt, Progress.NONE, () -> false);
    }

    public GenerationResult generate(MelodySeed seed, GenerationOptions opt, Progress progress, BooleanSupplier cancelled) {
        return run(seed, opt, progress, cancelled, false);
    }

    /**
     * The same job done the slow way, re-running the whole sequence for every new step; kept only so the
     * benchmark can show what stateful stepping saves. Same results for the same options.
     */
    GenerationResult generateByRerunning(MelodySeed seed, GenerationOptions opt, Progress progress) {
        return run(seed, opt, progress, () -> false, true);
    }

    /** The seed on the grid: tokens from a bar line up to the continuation step. */
    record PreparedSeed(int[] tokens, long firstStep, long continueStep, int stepsPerBar) {
    }

    PreparedSeed prepare(MelodySeed seed, GenerationOptions opt) {
        MelodyEncoding enc = model.encoding();
        int ppq = seed.ppq();
        int stepsPerBar = enc.stepsPerBar(seed.timeSignature());
        long continueStep;
        if (opt.continueFromTick() >= 0) {
            continueStep = (long) Math.ceil(opt.continueFromTick() / enc.ticksPerStep(ppq) - 1e-9);
        } else {
            continueStep = 0;
            for (Note n : seed.notes()) {
                continueStep = Math.max(continueStep, Math.max(enc.stepAt(n.end(), ppq), enc.stepAt(n.start(), ppq) + 1));
            }
        }
        List<Note> before = new ArrayList<>();
        for (Note n : seed.notes()) {
            if (enc.stepAt(n.start(), ppq) < continueStep) {
                before.add(n);
            }
        }
        if (before.isEmpty()) {
            throw new IllegalArgumentException("the seed has no notes before the continuation point (tick " + opt.continueFromTick() + ")");
        }
        long firstOn = enc.stepAt(before.get(0).start(), ppq);
        long firstStep = Math.floorDiv(firstOn, stepsPerBar) * stepsPerBar;
        if (continueStep - firstStep > MAX_SEED_STEPS) {
            firstStep = Math.floorDiv(continueStep - MAX_SEED_STEPS + stepsPerBar - 1, stepsPerBar) * stepsPerBar;
        }
        int[] tokens = enc.encode(before, ppq, firstStep, continueStep);
        // a cut-off window may begin inside a held note: the model never sees HOLD without its note-on
        for (int i = 0; i < tokens.length && tokens[i] == MelodyEncoding.HOLD; i++) {
            tokens[i] = MelodyEncoding.REST;
        }
        return new PreparedSeed(tokens, firstStep, continueStep, stepsPerBar);
    }

    private GenerationResult run(MelodySeed seed, GenerationOptions opt, Progress progress, BooleanSupplier cancelled,
                                 boolean rerun) {
        long t0 = System.nanoTime();
        MelodyEncoding enc = model.encoding();
        PreparedSeed ps = prepare(seed, opt);
        int rows = opt.variations();
        int total = opt.bars() * ps.stepsPerBar();
        int vocab = enc.vocabularySize();
        int[][] generated = new int[rows][total];
        int[] previous = new int[rows];
        int lastSeedToken = ps.tokens().length == 0 ? MelodyEncoding.START : ps.tokens()[ps.tokens().length - 1];
        Arrays.fill(previous, lastSeedToken);
        int[] sounding = new int[rows];
        Arrays.fill(sounding, soundingAtEnd(enc, ps.tokens()));
        double nllSum = 0;
        long nllSteps = 0;
        ChordGuide chords = opt.chords();
        Random rng = new Random(opt.rngSeed());
        TokenSampler sampler = new TokenSampler(enc, opt);
        try (NoGradScope noGrad = new NoGradScope(); NDManager call = model.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(call, false);
            float[] logits;
            NDArray h = null;
            NDArray c = null;
            try (NDManager stepScope = call.newSubManager()) {
                NDList out = forwardSeed(store, stepScope, ps, rerun ? rows : 1, total);
                logits = lastStepLogits(out.get(0), rerun ? rows : 1);
                if (!rerun) {
                    h = out.get(1).repeat(1, rows);
                    c = out.get(2).repeat(1, rows);
                    h.attach(call);
                    c.attach(call);
                }
            }
            for (int s = 0; s < total; s++) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("melody generation cancelled after " + s + " of " + total + " steps");
                }
                checkFinite(logits);
                int chordMask = 0;
                if (!chords.isEmpty()) {
                    long tick = enc.tickOf(ps.continueStep() + s, seed.ppq());
                    if (ChordGuide.isStrongBeat(tick, seed.timeSignature(), seed.ppq())) chordMask = chords.maskAt(tick);
                }
                for (int r = 0; r < rows; r++) {
                    int offset = (rerun ? r : (logits.length == vocab ? 0 : r)) * vocab;
                    int token = sampler.sample(logits, offset, previous[r], sounding[r], chordMask, rng);
                    generated[r][s] = token;
                    previous[r] = token;
                    if (MelodyEncoding.isNoteOn(token)) sounding[r] = enc.pitchOf(token);
                    else if (token != MelodyEncoding.HOLD) sounding[r] = -1;
                    if (!Double.isNaN(sampler.lastNll())) {
                        nllSum += sampler.lastNll();
                        nllSteps++;
                    }
                }
                if (s + 1 < total) {
                    long nextStep = ps.continueStep() + s + 1;
                    try (NDManager stepScope = call.newSubManager()) {
                        if (rerun) {
                            NDList out = forwardAll(store, stepScope, ps, generated, s + 1, total);
                            logits = lastStepLogits(out.get(0), rows);
                        } else {
                            float[] x = new float[rows * embedding];
                            int posRow = enc.barPosition(nextStep, ps.stepsPerBar()) * embedding;
                            // the model knows how many steps are left (this one included), when it has that input
                            int endRow = (int) MelodyNet.endInput(total - (s + 1), endSteps) - 1;
                            for (int r = 0; r < rows; r++) {
                                int tokRow = generated[r][s] * embedding;
                                for (int e = 0; e < embedding; e++) {
                                    x[r * embedding + e] = tokenTable[tokRow + e] + positionTable[posRow + e];
                                }
                                if (endRow >= 0) {
                                    for (int e = 0; e < embedding; e++) {
                                        x[r * embedding + e] += endTable[endRow * embedding + e];
                                    }
                                }
                            }
                            NDList out = model.net().forwardEmbedded(store, stepScope.create(x, new Shape(rows, 1, embedding)), h, c);
                            logits = out.get(0).toFloatArray();
                            NDArray nh = out.get(1);
                            NDArray nc = out.get(2);
                            nh.attach(call);
                            nc.attach(call);
                            h.close();
                            c.close();
                            h = nh;
                            c = nc;
                        }
                    }
                }
                progress.stepDone(s + 1, total);
            }
        }
        List<List<Note>> variations = new ArrayList<>();
        for (int[] row : generated) {
            variations.add(enc.decode(row, ps.continueStep(), seed.ppq(), VELOCITY));
        }
        long startTick = enc.tickOf(ps.continueStep(), seed.ppq());
        long endTick = enc.tickOf(ps.continueStep() + total, seed.ppq());
        return new GenerationResult(variations, startTick, endTick, total, Arrays.asList(generated),
                (System.nanoTime() - t0) / 1e6, nllSteps == 0 ? Double.NaN : nllSum / nllSteps);
    }

    /** The pitch sounding at the end of the seed tokens (a note-on followed only by holds), or -1. */
    private static int soundingAtEnd(MelodyEncoding enc, int[] tokens) {
        for (int i = tokens.length - 1; i >= 0; i--) {
            if (MelodyEncoding.isNoteOn(tokens[i])) return enc.pitchOf(tokens[i]);
            if (tokens[i] != MelodyEncoding.HOLD) return -1;
        }
        return -1;
    }

    private static void checkFinite(float[] logits) {
        for (float f : logits) {
            if (Float.isNaN(f)) {
                throw new IllegalStateException("the melody model produced NaN; its parameters are damaged");
            }
        }
    }

    /** Runs START + seed in one call, {@code rows} identical rows, {@code total} steps to write after it. */
    private NDList forwardSeed(ParameterStore store, NDManager m, PreparedSeed ps, int rows, int total) {
        return forwardAll(store, m, ps, new int[rows][0], 0, total);
    }

    /** Runs START + seed + the first {@code done} generated tokens of each row from a zero state. */
    private NDList forwardAll(ParameterStore store, NDManager m, PreparedSeed ps, int[][] generated, int done, int total) {
        MelodyEncoding enc = model.encoding();
        int[] seed = ps.tokens();
        int rows = generated.length;
        int len = seed.length + done + 1;
        long[] tok = new long[rows * len];
        long[] pos = new long[rows * len];
        long[] ends = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < len; i++) {
                int k = r * len + i;
                tok[k] = i == 0 ? MelodyEncoding.START : i - 1 < seed.length ? seed[i - 1] : generated[r][i - 1 - seed.length];
                pos[k] = enc.barPosition(ps.firstStep() + i, ps.stepsPerBar());
                // position i predicts step i of the seed-and-continuation; the seed's steps have no end in view
                ends[k] = i < seed.length ? 0 : MelodyNet.endInput(total - (i - seed.length), endSteps);
            }
        }
        Shape shape = new Shape(rows, len);
        NDList in = endSteps == 0 ? new NDList(m.create(tok, shape), m.create(pos, shape))
                : new NDList(m.create(tok, shape), m.create(pos, shape), m.create(ends, shape));
        return model.net().forward(store, in, false);
    }

    private static float[] lastStepLogits(NDArray logits, int rows) {
        long time = logits.getShape().get(1);
        return logits.get(":, {}, :", time - 1).toFloatArray();
    }

    @Override
    public void close() {
        if (owned) {
            model.close();
        }
    }
}
