package org.melodist.analysis.genre;

import java.util.List;

/**
 * Genre over time for a recording cut into successive windows: one prediction per window, in order, and
 * their average as the estimate for the whole recording.
 */
public record WindowedGenrePrediction(List<GenrePrediction> windows, GenrePrediction combined) {

    public WindowedGenrePrediction {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a windowed prediction needs at least one window");
        }
    }
}
