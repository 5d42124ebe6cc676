package org.melodist.studio.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.melodist.originality.OriginalityResult;
import org.melodist.originality.PassageComparison;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * A window showing the longest passage a melody shares with a tune, side by side, with buttons to hear
 * the musician's passage and the source's (in the same key).
 */
public final class PassageCompareDialog {

    /** Plays a preview song from a tick (the transport's preview). */
    @FunctionalInterface
    public interface Player {
        void play(Song song, long fromTick);
    }

    private PassageCompareDialog() {
    }

    /** The notes of one lane as a one-track song at 480 PPQ, from its first note, at {@code bpm}. */
    static Song laneSong(List<PassageComparison.Bar> bars, double fromBeat, double bpm) {
        List<Note> notes = new ArrayList<>();
        for (PassageComparison.Bar b : bars) {
            long start = Math.max(0, Math.round((b.startBeat() - fromBeat) * 480));
            notes.add(new Note(b.pitch(), 90, start, Math.max(1, Math.round(b.lengthBeats() * 480))));
        }
        return Song.of(480, bpm, List.of(Track.of("Passage", 0, 0, notes)));
    }

    public static Stage open(Window owner, OriginalityResult result, PassageComparison c, double bpm, Player player) {
        PassageCompareView view = new PassageCompareView();
        view.show(c);
        Label title = new Label(String.format(Locale.ROOT, "%s: %s. Longest shared passage: %d notes; the source (below, in "
                + "orange) is moved %+d semitones to your key.", result.file(), result.badge(), result.longestNotes(),
                c.transposition()));
        title.setWrapText(true);
        title.setId("originality-compare-title");
        Button mine = new Button("Play yours");
        mine.setId("originality-play-mine");
        mine.setOnAction(e -> player.play(laneSong(c.query(), c.fromBeat(), bpm), 0));
        Button source = new Button("Play the source");
        source.setId("originality-play-source");
        source.setOnAction(e -> player.play(laneSong(c.source(), c.fromBeat(), bpm), 0));
        Stage stage = new Stage();
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, mine, source, close);
        BorderPane root = new BorderPane(view, title, null, buttons, null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(buttons, new Insets(8, 0, 0, 0));
        stage.setTitle("Shared passage with " + c.sourceFile());
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        stage.show();
        return stage;
    }
}
