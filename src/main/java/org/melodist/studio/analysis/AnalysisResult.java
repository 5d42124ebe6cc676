package org.melodist.studio.analysis;

import java.nio.file.Path;

import org.melodist.analysis.AudioAnalysis;
import org.melodist.analysis.GenreWindows;

/**
 * One finished analysis as the tab shows it. The decoded samples are not kept (ten minutes are 50 MB): the
 * waveform chart needs only their min/max envelope, computed in the background.
 *
 * @param file          the analysed file
 * @param analysis      duration, tempo, beats, key, summary vector and frame-wise series
 * @param envelope      min/max of the samples in {@link AnalysisViewModel#ENVELOPE_BUCKETS} columns
 * @param genre         genre per 30-second window and combined, or null without a genre model
 * @param genreProblem  why there is no genre (one line), or null
 * @param elapsedMillis wall time of decoding and analysis
 */
public record AnalysisResult(Path file, AudioAnalysis analysis, float[][] envelope, GenreWindows.Result genre,
        String genreProblem, long elapsedMillis) {

    public String fileName() {
        return String.valueOf(file.getFileName());
    }
}
