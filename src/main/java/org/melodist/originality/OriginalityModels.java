package org.melodist.originality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodist.AppPaths;

/** The shipped originality index ({@code models/originality}: the indexed tunes and their calibration). */
public final class OriginalityModels {

    public static final String SHIPPED_NAME = "originality";
    /** The indexed tunes (see {@link TuneCorpus#write}). */
    public static final String TUNES_FILE = "tunes.idx";

    private OriginalityModels() {
    }

    /** {@code explicit} if given, else the shipped index folder; a one-line error when neither exists. */
    public static Path resolve(Path explicit) throws IOException {
        if (explicit != null) {
            return explicit;
        }
        return AppPaths.model(SHIPPED_NAME).orElseThrow(() -> new IOException("the originality index '" + SHIPPED_NAME
                + "' was not found (" + AppPaths.modelsSearchDescription() + "); build one with 'melodist originality-index'"));
    }

    /** The calibrated thresholds of an index folder. */
    public static Thresholds thresholds(Path dir) throws IOException {
        Path cal = dir.resolve(Calibration.FILE);
        if (!Files.isRegularFile(cal)) {
            throw new IOException(dir + ": no " + Calibration.FILE + " in this folder (not an originality index)");
        }
        return Thresholds.read(cal);
    }

    /** Loads an index folder: its tunes, n-gram table (rebuilt in memory) and thresholds. */
    public static OriginalityIndex load(Path dir) throws IOException {
        Path tunes = dir.resolve(TUNES_FILE);
        if (!Files.isRegularFile(tunes)) {
            throw new IOException(dir + ": no " + TUNES_FILE + " in this folder (not an originality index)");
        }
        return OriginalityIndex.of(TuneCorpus.read(tunes), thresholds(dir));
    }
}
