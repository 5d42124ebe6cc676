package org.melodist.analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.melodist.song.PitchNames;

/**
 * The frame-wise series of an analysis as CSV: one row per frame (hop 512 samples), a header row of column
 * names. The names are those of {@link AnalysisJson}'s {@code frames} object, with the matrices spread into
 * one column per row ({@code mfcc1..mfcc20}, {@code chroma_C..chroma_B}), so a spreadsheet or pandas reads the
 * file without further help. {@code time_s} is the centre of the frame, as librosa's {@code frames_to_time}.
 */
public final class FrameCsv {

    private FrameCsv() {
    }

    /** The header row's names, in column order. */
    public static List<String> columns(FrameFeatures f) {
        List<String> names = new ArrayList<>(List.of("frame", "time_s", "spectral_centroid", "spectral_bandwidth",
                "rolloff", "zero_crossing_rate", "rms", "onset_strength"));
        for (int i = 1; i <= f.mfcc().length; i++) {
            names.add("mfcc" + i);
        }
        for (int i = 0; i < f.chroma().length; i++) {
            names.add("chroma_" + (f.chroma().length == 12 ? PitchNames.pitchClassName(i) : Integer.toString(i)));
        }
        return Collections.unmodifiableList(names);
    }

    /** Writes the header and one row per frame; a series shorter than the others leaves its cells empty. */
    public static void write(FrameFeatures f, Writer out) throws IOException {
        out.write(String.join(",", columns(f)));
        out.write('\n');
        double hop = f.hopSeconds();
        StringBuilder row = new StringBuilder(512);
        for (int t = 0; t < f.frames(); t++) {
            row.setLength(0);
            row.append(t).append(',').append(t * hop);
            cell(row, f.spectralCentroid(), t);
            cell(row, f.spectralBandwidth(), t);
            cell(row, f.rolloff(), t);
            cell(row, f.zeroCrossingRate(), t);
            cell(row, f.rms(), t);
            cell(row, f.onsetStrength(), t);
            for (double[] m : f.mfcc()) {
                cell(row, m, t);
            }
            for (double[] c : f.chroma()) {
                cell(row, c, t);
            }
            row.append('\n');
            out.append(row);
        }
    }

    private static void cell(StringBuilder row, double[] series, int t) {
        row.append(',');
        if (t < series.length) row.append(series[t]);
    }
}
