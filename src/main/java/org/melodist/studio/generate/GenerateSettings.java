package org.melodist.studio.generate;

import java.util.Random;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.melodist.generate.GenerationOptions;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.song.Key;
import org.melodist.studio.prefs.StudioPreferences;

/**
 * The Generate panel's settings: continuation length, temperature, top-p, variations, key lock, random seed and
 * seed bars, and which of them outlive a song (remembered in the preferences, clamped when read back).
 */
public final class GenerateSettings {

    public static final int DEFAULT_BARS = 4;
    public static final int DEFAULT_VARIATIONS = 4;
    public static final long DEFAULT_RNG_SEED = 7;
    /** Bars before the playhead taken as the seed when nothing is selected. */
    public static final int DEFAULT_SEED_BARS = 2;
    /** The temperatures the panel offers: beyond these the model is either stuck or random. */
    public static final double MIN_TEMPERATURE = 0.1;
    public static final double MAX_TEMPERATURE = 2.0;
    /** The top-p values the panel offers (1 leaves every token in; lower keeps only the likeliest ones). */
    public static final double MIN_TOP_P = 0.5;
    public static final double MAX_TOP_P = 1.0;

    private final IntegerProperty bars = new SimpleIntegerProperty(this, "bars", DEFAULT_BARS);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1.0);
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP", 1.0);
    private final IntegerProperty variationCount = new SimpleIntegerProperty(this, "variationCount", DEFAULT_VARIATIONS);
    private final ObjectProperty<Key> keyLock = new SimpleObjectProperty<>(this, "keyLock");
    private final LongProperty rngSeed = new SimpleLongProperty(this, "rngSeed", DEFAULT_RNG_SEED);
    private final IntegerProperty seedBars = new SimpleIntegerProperty(this, "seedBars", DEFAULT_SEED_BARS);
    private final StringProperty modelId = new SimpleStringProperty(this, "modelId", MelodyModelCatalog.SHIPPED_ID);
    private final BooleanProperty followChords = new SimpleBooleanProperty(this, "followChords", false);
    private final ObjectProperty<Replaced> replacedTemperature = new SimpleObjectProperty<>(this, "replacedTemperature");
    private final ObjectProperty<Replaced> replacedTopP = new SimpleObjectProperty<>(this, "replacedTopP");
    private final Random random = new Random();

    /**
     * A setting a personal model's proposal put in place of the musician's own: theirs, to give back when they leave the
     * model, and the proposed one, to tell whether they have changed it since.
     */
    public record Replaced(double own, double proposed) {
    }

    /** The temperature a personal model's proposal replaced (null when none is in place). */
    public ObjectProperty<Replaced> replacedTemperatureProperty() {
        return replacedTemperature;
    }

    /** The top-p a personal model's proposal replaced (null when none is in place). */
    public ObjectProperty<Replaced> replacedTopPProperty() {
        return replacedTopP;
    }

    /** Follow chords: notes heard on strong beats keep to the chord lane's chords there (when it has some). */
    public BooleanProperty followChordsProperty() {
        return followChords;
    }

    /** Length of the continuation in bars (1-64). */
    public IntegerProperty barsProperty() {
        return bars;
    }

    /** Sampling temperature: below 1 safer, above 1 more adventurous. */
    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** Top-p (nucleus) sampling: each step draws only from the likeliest tokens that together have this probability; 1 is off. */
    public DoubleProperty topPProperty() {
        return topP;
    }

    /** How many variations one Generate makes (1-32). */
    public IntegerProperty variationCountProperty() {
        return variationCount;
    }

    /** The key whose scale generated notes keep to; null lets the model pick any pitch. */
    public ObjectProperty<Key> keyLockProperty() {
        return keyLock;
    }

    /** The random seed: the same seed, settings and notes give the same variations. */
    public LongProperty rngSeedProperty() {
        return rngSeed;
    }

    /** Bars before the playhead taken as the seed when nothing is selected. */
    public IntegerProperty seedBarsProperty() {
        return seedBars;
    }

    /** The id of the chosen model ({@link MelodyModelCatalog.Entry#id()}); set by the model picker. */
    public StringProperty modelIdProperty() {
        return modelId;
    }

    /** A new random seed, other than the current one, for a fresh set of variations from the same notes. */
    public void newRngSeed() {
        long old = rngSeed.get();
        long next;
        do {
            next = random.nextInt(1_000_000);
        } while (next == old);
        rngSeed.set(next);
    }

    /**
     * The model's options for a continuation from {@code continueFromTick} (negative: after the seed).
     *
     * @throws IllegalArgumentException when a setting is out of the model's range
     */
    public GenerationOptions options(long continueFromTick) {
        return new GenerationOptions(bars.get(), temperature.get(), 0, topP.get(), variationCount.get(), rngSeed.get(),
                keyLock.get(), continueFromTick);
    }

    /** Takes the remembered settings (length, temperature, top-p, variations, the model), clamped to what the panel offers. */
    public void read(StudioPreferences prefs) {
        bars.set((int) Math.max(1, Math.min(GenerationOptions.MAX_BARS, prefs.getDouble("generate.bars", DEFAULT_BARS))));
        temperature.set(Math.max(MIN_TEMPERATURE, Math.min(MAX_TEMPERATURE, prefs.getDouble("generate.temperature", 1.0))));
        topP.set(Math.max(MIN_TOP_P, Math.min(MAX_TOP_P, prefs.getDouble("generate.topP", 1.0))));
        variationCount.set((int) Math.max(1, Math.min(GenerationOptions.MAX_VARIATIONS,
                prefs.getDouble("generate.variations", DEFAULT_VARIATIONS))));
        modelId.set(prefs.get("generate.model", MelodyModelCatalog.SHIPPED_ID));
        followChords.set(prefs.getBoolean("generate.followChords", false));
        replacedTemperature.set(readReplaced(prefs, "generate.temperature.replaced", MIN_TEMPERATURE, MAX_TEMPERATURE));
        replacedTopP.set(readReplaced(prefs, "generate.topP.replaced", MIN_TOP_P, MAX_TOP_P));
    }

    /** Remembers the settings that outlive a song. */
    public void write(StudioPreferences prefs) {
        prefs.putDouble("generate.bars", bars.get());
        prefs.putDouble("generate.temperature", temperature.get());
        prefs.putDouble("generate.topP", topP.get());
        prefs.putDouble("generate.variations", variationCount.get());
        prefs.put("generate.model", modelId.get());
        prefs.putBoolean("generate.followChords", followChords.get());
        writeReplaced(prefs, "generate.temperature.replaced", replacedTemperature.get());
        writeReplaced(prefs, "generate.topP.replaced", replacedTopP.get());
    }

    /** "own proposed", or nothing when no proposal is in place or the remembered text is not two numbers in range. */
    private static Replaced readReplaced(StudioPreferences prefs, String key, double min, double max) {
        String[] parts = prefs.get(key, "").trim().split("\\s+");
        if (parts.length != 2) return null;
        try {
            double own = Double.parseDouble(parts[0]);
            double proposed = Double.parseDouble(parts[1]);
            return own >= min && own <= max && proposed >= min && proposed <= max ? new Replaced(own, proposed) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void writeReplaced(StudioPreferences prefs, String key, Replaced r) {
        prefs.put(key, r == null ? "" : r.own() + " " + r.proposed());
    }
}
