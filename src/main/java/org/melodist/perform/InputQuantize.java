package org.melodist.perform;

/**
 * Quantize on input: each recorded note's start moves towards the nearest multiple of {@code grid} ticks
 * by {@code strength} (0 keeps the timing as played, 1 snaps onto the grid). Lengths stay as played.
 */
public record InputQuantize(long grid, double strength) {

    public static final InputQuantize OFF = new InputQuantize(1, 0);

    public InputQuantize {
        if (grid < 1) throw new IllegalArgumentException("quantize grid " + grid + " must be at least one tick");
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("quantize strength " + strength + " is outside 0-1");
        }
    }

    public boolean isOff() {
        return strength == 0;
    }

    public long apply(long tick) {
        if (isOff()) return tick;
        long nearest = Math.floorDiv(tick + grid / 2, grid) * grid;
        return Math.max(0, Math.round(tick + (nearest - tick) * strength));
    }
}
