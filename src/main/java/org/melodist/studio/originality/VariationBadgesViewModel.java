package org.melodist.studio.originality;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.melodist.originality.Melody;
import org.melodist.originality.OriginalityIndex;
import org.melodist.originality.OriginalityResult;
import org.melodist.originality.PassageComparison;
import org.melodist.originality.Verdict;
import org.melodist.song.Note;
import org.melodist.studio.prefs.StudioPreferences;

/**
 * The originality badge of the variation the Generate panel shows ("original", "borrows 16 notes from
 * jigs12.mid", "copy of jigs12.mid"), and the musician's "avoid copies" choice. The continuation alone is
 * checked (not the seed, which is the musician's own), against the training tunes and the musician's folders.
 */
public final class VariationBadgesViewModel {

    static final String AVOID_KEY = "generate.avoidCopies";

    private final OriginalityViewModel originality;
    private final ReadOnlyObjectWrapper<OriginalityResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", "");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(this, "tooltip", "");
    private final BooleanProperty avoidCopies = new SimpleBooleanProperty(this, "avoidCopies", false);
    private Melody checked;
    private List<Note> notes = List.of();
    private int ppq = 480;

    public VariationBadgesViewModel(OriginalityViewModel originality) {
        this.originality = originality;
        originality.indexProperty().addListener((o, a, b) -> recheck());
    }

    /** The variation now shown (its continuation notes) and the song's resolution; empty list for none. */
    public void showVariation(List<Note> continuation, int songPpq) {
        notes = continuation == null ? List.of() : List.copyOf(continuation);
        ppq = songPpq;
        recheck();
    }

    private void recheck() {
        OriginalityIndex ix = originality.indexProperty().get();
        if (notes.size() < 2 || ix == null) {
            checked = null;
            result.set(null);
            badge.set(notes.isEmpty() ? "" : ix == null ? "checking…" : "original");
            tooltip.set(ix == null ? "The originality index is loading" : "");
            return;
        }
        checked = Melody.of("this variation", notes, ppq);
        OriginalityResult r = ix.check(checked);
        result.set(r);
        badge.set(r.badge());
        tooltip.set(r.longestMatch() == null ? "Shares nothing with the training tunes or your folders"
                : String.format(Locale.ROOT, "Longest passage shared with %s: %d notes (originality %.0f%%). Click to compare.",
                r.longestMatch().corpusFile(), r.longestNotes(), 100 * r.originality()));
    }

    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OriginalityResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Verdict verdict() {
        return result.get() == null ? Verdict.ORIGINAL : result.get().verdict();
    }

    /** Whether variations judged "copy" are resampled before they are shown. */
    public BooleanProperty avoidCopiesProperty() {
        return avoidCopies;
    }

    /** The current variation's longest shared passage beside its source, or null when it shares none. */
    public PassageComparison comparison() {
        OriginalityResult r = result.get();
        OriginalityIndex ix = originality.indexProperty().get();
        if (r == null || r.longestMatch() == null || ix == null || checked == null) {
            return null;
        }
        return ix.compare(checked, r.longestMatch());
    }

    /** Most rounds of resampling for "avoid copies". */
    public static final int MAX_ROUNDS = 4;

    /**
     * The generation step for "avoid copies": when it is on and the index is ready, variations judged "copy"
     * are resampled (up to {@link #MAX_ROUNDS} rounds) and the note says how many were replaced. Runs on the
     * generation's worker; reads the choice and the index as they are when it starts.
     */
    public org.melodist.studio.generate.VariationFilter filter() {
        return (generator, seed, options, result, cancelled) -> {
            OriginalityIndex ix = originality.indexProperty().get();
            if (!avoidCopies.get() || ix == null) {
                return new org.melodist.studio.generate.VariationFilter.Filtered(result, "");
            }
            org.melodist.originality.CopyAvoidance.Checked c = org.melodist.originality.CopyAvoidance.checkAndReplace(
                    generator, seed, options, result, ix, MAX_ROUNDS, cancelled);
            String note = c.replaced() == 0 && c.stillCopies() == 0 ? ""
                    : c.replaced() + (c.replaced() == 1 ? " copy" : " copies") + " replaced"
                    + (c.stillCopies() > 0 ? ", " + c.stillCopies() + " still copying" : "");
            return new org.melodist.studio.generate.VariationFilter.Filtered(c.result(), note);
        };
    }

    public OriginalityViewModel originality() {
        return originality;
    }

    public void readSettings(StudioPreferences prefs) {
        avoidCopies.set(prefs.getBoolean(AVOID_KEY, false));
    }

    public void writeSettings(StudioPreferences prefs) {
        prefs.putBoolean(AVOID_KEY, avoidCopies.get());
    }
}
