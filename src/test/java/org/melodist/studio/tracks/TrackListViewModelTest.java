package org.melodist.studio.tracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.document.SongDocument;

class TrackListViewModelTest {

    private static Song threeTracks() {
        return Song.of(480, 120, List.of(Track.of("", 0, 0, List.of()),
                Track.of("Fiddle", 1, 40, List.of(new Note(70, 90, 0, 10))),
                Track.of("Drums", 9, 0, List.of(new Note(36, 90, 0, 10)))));
    }

    @Test
    void rowsNameTheInstrumentAndMuteSoloDecideWhatIsHeard() {
        SongDocument doc = new SongDocument(threeTracks());
        TrackListViewModel vm = new TrackListViewModel(doc, new SimpleIntegerProperty(0));
        assertEquals("Track 1", vm.rows().get(0).name());
        assertEquals("Violin", vm.rows().get(1).instrument());
        assertEquals("Drum kit", vm.rows().get(2).instrument());
        int[] fired = {0};
        vm.addMixListener(() -> fired[0]++);
        vm.rows().get(0).muteProperty().set(true);
        assertFalse(vm.isAudible(0));
        assertTrue(vm.isAudible(1));
        vm.rows().get(2).soloProperty().set(true);
        assertFalse(vm.isAudible(1), "a solo silences the others");
        assertTrue(vm.isAudible(2));
        assertEquals(Set.of(0), vm.muted());
        assertEquals(Set.of(2), vm.soloed());
        assertEquals(2, fired[0]);
    }

    @Test
    void muteAndSoloTravelInTheSongAndLoadingEditsTheFirstTrackWithNotes() {
        SongDocument doc = new SongDocument(threeTracks());
        SimpleIntegerProperty edited = new SimpleIntegerProperty(0);
        TrackListViewModel vm = new TrackListViewModel(doc, edited);
        vm.rows().get(1).muteProperty().set(true);
        Song saved = vm.writeSettings(doc.current());
        assertEquals("true", saved.properties().get("studio.track.1.mute"));

        SongDocument other = new SongDocument(Song.empty());
        SimpleIntegerProperty otherEdited = new SimpleIntegerProperty(0);
        TrackListViewModel again = new TrackListViewModel(other, otherEdited);
        other.load(saved, null);
        again.readSettings(saved);
        assertTrue(again.rows().get(1).muteProperty().get());
        assertFalse(again.rows().get(0).muteProperty().get());
        assertEquals(1, otherEdited.get(), "track 1 is empty, so track 2 is edited");
    }
}
