package org.melodist.analysis;

import java.util.LinkedHashMap;

/**
 * Everything the analysis tab shows about one recording.
 *
 * @param durationSec      length of the decoded audio in seconds
 * @param sourceSampleRate sample rate of the file as stored
 * @param sourceChannels   channels of the file as stored
 * @param sourceFormat     encoding of the file
 * @param tempoBpm         librosa-style global tempo (0 when no onsets at all)
 * @param beatTimes        beat times in seconds
 * @param key              key estimate from the mean chroma
 * @param features         the GTZAN summary vector, keyed by the CSV column names in header order
 * @param frames           the frame-wise series behind it
 * @param damage           null for a whole file; else how much of a damaged file was analysed
 * @param windowTempos     the tempo of each of {@link GenreWindows}' windows, estimated with the global tempo;
 *                         null when not estimated (the windows then estimate their own, the same values)
 */
public record AudioAnalysis(double durationSec, float sourceSampleRate, int sourceChannels, String sourceFormat,
        double tempoBpm, double[] beatTimes, KeyEstimator.KeyEstimate key, LinkedHashMap<String, Double> features,
        FrameFeatures frames, String damage, double[] windowTempos) {
}
