package org.melodist.studio.prefs;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.melodist.Plurals;
import org.melodist.studio.generate.FeedbackViewModel;
import org.melodist.studio.originality.OriginalityViewModel;

/**
 * The studio's Preferences: the folders the originality check compares with, and the judgements logged to
 * learn from the musician's choices (their count, and Clear). It holds no state of its own beside the section
 * shown: it presents the studio's {@link OriginalityViewModel} and {@link FeedbackViewModel}, which keep,
 * index and save what is edited here.
 */
public final class PreferencesViewModel {

    /** The sections of the dialog, in order. */
    public enum Section {
        ORIGINALITY("Originality"), LEARNING("Learning from your choices");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final OriginalityViewModel originality;
    private final FeedbackViewModel feedback;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.ORIGINALITY);
    private final StringBinding judgementsText;
    private final BooleanBinding canClear;

    /**
     * @param originality the studio's originality check (its folders are edited here)
     * @param feedback    the studio's judgements, or null when it keeps none (the section then says so)
     */
    public PreferencesViewModel(OriginalityViewModel originality, FeedbackViewModel feedback) {
        this.originality = Objects.requireNonNull(originality, "originality");
        this.feedback = feedback;
        if (feedback == null) {
            judgementsText = Bindings.createStringBinding(() -> "Judgements are not kept in this studio");
            canClear = Bindings.createBooleanBinding(() -> false);
        } else {
            judgementsText = Bindings.createStringBinding(() -> {
                int n = feedback.countProperty().get();
                return (n == 0 ? "No judgements are logged" : Plurals.count(n, "judgement") + (n == 1 ? " is" : " are") + " logged")
                        + " in " + feedback.logFile();
            }, feedback.countProperty());
            canClear = feedback.countProperty().greaterThan(0).and(feedback.learningProperty().not());
        }
    }

    public OriginalityViewModel originality() {
        return originality;
    }

    /** The judgements, or null when the studio keeps none. */
    public FeedbackViewModel feedback() {
        return feedback;
    }

    /** The section shown; the Generate panel's Folders… opens the dialog at {@link Section#ORIGINALITY}. */
    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** "42 judgements are logged in …/feedback.jsonl". */
    public StringBinding judgementsTextProperty() {
        return judgementsText;
    }

    /** True while there are judgements and no learning runs (which reads them). */
    public BooleanBinding canClearProperty() {
        return canClear;
    }

    /** The question asked before {@link #clearJudgements()}. */
    public String clearQuestion() {
        return feedback == null ? "" : feedback.clearQuestion();
    }

    /** Forgets every judgement (after the view has asked {@link #clearQuestion()}); nothing when it cannot. */
    public void clearJudgements() {
        if (canClear.get()) feedback.clear();
    }
}
