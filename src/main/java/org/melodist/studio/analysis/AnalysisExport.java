package org.melodist.studio.analysis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.melodist.AtomicFiles;
import org.melodist.analysis.AnalysisJson;
import org.melodist.analysis.FrameCsv;

/**
 * Writes an analysis to disk: the frame-wise series as CSV ({@link FrameCsv}) or everything as the JSON of
 * {@code analyze --json --frames} ({@link AnalysisJson}). Each file is written to a temporary file next to the
 * target and then renamed, so a failed or cancelled export never leaves half a file under the chosen name.
 */
public final class AnalysisExport {

    private AnalysisExport() {
    }

    public static Path writeCsv(AnalysisResult r, Path target) throws IOException {
        return atomically(target, out -> FrameCsv.write(r.analysis().frames(), out));
    }

    public static Path writeJson(AnalysisResult r, Path target) throws IOException {
        return atomically(target, out -> out.write(AnalysisJson.toJson(r.analysis(), r.genre(), true)));
    }

    private interface Content {
        void write(Writer out) throws IOException;
    }

    private static Path atomically(Path target, Content content) throws IOException {
        return AtomicFiles.replace(target, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.write(out);
            }
        });
    }
}
