package org.melodist.generate;

/**
 * One melody on the grid: its tokens from grid step {@code firstStep} (a bar line) and the bar length in
 * steps, which gives every step its bar position.
 */
public record EncodedTune(String name, int[] tokens, long firstStep, int stepsPerBar) {

    public EncodedTune {
        if (stepsPerBar < 1) {
            throw new IllegalArgumentException("steps per bar must be at least 1");
        }
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }

    public int token(int i) {
        return tokens[i];
    }

    public EncodedTune withTokens(int[] newTokens) {
        return new EncodedTune(name, newTokens, firstStep, stepsPerBar);
    }
}
