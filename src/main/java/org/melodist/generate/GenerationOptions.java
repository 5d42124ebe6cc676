package org.melodist.generate;

import org.melodist.song.Key;

/**
 * How to continue a melody. {@code topK} 0 and {@code topP} 1 switch those filters off; {@code keyLock}
 * null samples any pitch; {@code continueFromTick} negative continues after the seed's last note;
 * {@code chords} (Follow chords) keeps notes heard on strong beats to the chord there ({@link ChordGuide#NONE}: free).
 */
public record GenerationOptions(int bars, double temperature, int topK, double topP, int variations, long rngSeed,
                                Key keyLock, long continueFromTick, ChordGuide chords) {

    public static final int MAX_BARS = 64;
    public static final int MAX_VARIATIONS = 32;

    public GenerationOptions(int bars, double temperature, int topK, double topP, int variations, long rngSeed,
                             Key keyLock, long continueFromTick) {
        this(bars, temperature, topK, topP, variations, rngSeed, keyLock, continueFromTick, ChordGuide.NONE);
    }

    public GenerationOptions {
        if (chords == null) chords = ChordGuide.NONE;
        if (bars < 1 || bars > MAX_BARS) {
            throw new IllegalArgumentException("bars " + bars + " is outside 1-" + MAX_BARS);
        }
        if (!(temperature > 0.01 && temperature <= 5)) {
            throw new IllegalArgumentException("temperature " + temperature + " is outside 0.01-5");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k " + topK + " is negative");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p " + topP + " is outside (0, 1]");
        }
        if (variations < 1 || variations > MAX_VARIATIONS) {
            throw new IllegalArgumentException("variations " + variations + " is outside 1-" + MAX_VARIATIONS);
        }
    }

    public static GenerationOptions defaults() {
        return new GenerationOptions(4, 1.0, 0, 1.0, 4, 7L, null, -1);
    }

    public GenerationOptions withBars(int v) {
        return new GenerationOptions(v, temperature, topK, topP, variations, rngSeed, keyLock, continueFromTick, chords);
    }

    public GenerationOptions withTemperature(double v) {
        return new GenerationOptions(bars, v, topK, topP, variations, rngSeed, keyLock, continueFromTick, chords);
    }

    public GenerationOptions withTopK(int v) {
        return new GenerationOptions(bars, temperature, v, topP, variations, rngSeed, keyLock, continueFromTick, chords);
    }

    public GenerationOptions withTopP(double v) {
        return new GenerationOptions(bars, temperature, topK, v, variations, rngSeed, keyLock, continueFromTick, chords);
    }

    public GenerationOptions withVariations(int v) {
        return new GenerationOptions(bars, temperature, topK, topP, v, rngSeed, keyLock, continueFromTick, chords);
    }

    public GenerationOptions withRngSeed(long v) {
        return new GenerationOptions(bars, temperature, topK, topP, variations, v, keyLock, continueFromTick, chords);
    }

    public GenerationOptions withKeyLock(Key v) {
        return new GenerationOptions(bars, temperature, topK, topP, variations, rngSeed, v, continueFromTick, chords);
    }

    public GenerationOptions withContinueFromTick(long v) {
        return new GenerationOptions(bars, temperature, topK, topP, variations, rngSeed, keyLock, v, chords);
    }

    public GenerationOptions withChords(ChordGuide v) {
        return new GenerationOptions(bars, temperature, topK, topP, variations, rngSeed, keyLock, continueFromTick, v);
    }
}
