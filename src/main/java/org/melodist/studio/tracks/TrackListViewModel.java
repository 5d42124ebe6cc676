package org.melodist.studio.tracks;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.document.SongDocument;

/**
 * The track list: one row per track (name, instrument, mute, solo) and which track the piano roll edits.
 * Mute and solo are mixing state rather than edits, so they are not undoable; they are saved with the
 * song as properties ({@code studio.track.N.mute}).
 */
public final class TrackListViewModel {

    /** One track as the list shows it. */
    public static final class TrackRow {
        private final int index;
        private final String name;
        private final String instrument;
        private final int noteCount;
        private final BooleanProperty mute = new SimpleBooleanProperty(this, "mute");
        private final BooleanProperty solo = new SimpleBooleanProperty(this, "solo");

        TrackRow(int index, Track track) {
            this.index = index;
            this.name = track.name().isBlank() ? "Track " + (index + 1) : track.name();
            this.instrument = GeneralMidiPrograms.name(track.program(), track.channel());
            this.noteCount = track.notes().size();
        }

        public int index() {
            return index;
        }

        public String name() {
            return name;
        }

        public String instrument() {
            return instrument;
        }

        public int noteCount() {
            return noteCount;
        }

        public BooleanProperty muteProperty() {
            return mute;
        }

        public BooleanProperty soloProperty() {
            return solo;
        }
    }

    private final ObservableList<TrackRow> rows = FXCollections.observableArrayList();
    private final List<Runnable> mixListeners = new ArrayList<>();
    private final IntegerProperty editedTrack;

    /** {@code editedTrack} is the piano roll's edited-track property, shared so both stay in step. */
    public TrackListViewModel(SongDocument document, IntegerProperty editedTrack) {
        this.editedTrack = editedTrack;
        rebuild(document.current());
        document.songProperty().addListener((obs, old, song) -> {
            if (old == null || !sameTrackHeaders(old, song)) rebuild(song);
        });
    }

    public ObservableList<TrackRow> rows() {
        return rows;
    }

    public IntegerProperty editedTrackProperty() {
        return editedTrack;
    }

    /** Called whenever a mute or solo changes, or the tracks are rebuilt. */
    public void addMixListener(Runnable listener) {
        mixListeners.add(listener);
    }

    /** Indices of muted tracks. */
    public java.util.Set<Integer> muted() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (TrackRow r : rows) if (r.mute.get()) out.add(r.index);
        return out;
    }

    /** Indices of soloed tracks. */
    public java.util.Set<Integer> soloed() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (TrackRow r : rows) if (r.solo.get()) out.add(r.index);
        return out;
    }

    private void fireMix() {
        for (Runnable l : mixListeners) l.run();
    }

    /** Whether a track is heard: not muted, and soloed when any track is. */
    public boolean isAudible(int index) {
        if (index < 0 || index >= rows.size()) return false;
        boolean anySolo = rows.stream().anyMatch(r -> r.solo.get());
        TrackRow r = rows.get(index);
        return anySolo ? r.solo.get() : !r.mute.get();
    }

    /** Writes mute/solo into the song's properties, for saving. */
    public Song writeSettings(Song song) {
        Song s = song;
        for (int i = 0; i < song.tracks().size(); i++) {
            boolean mute = i < rows.size() && rows.get(i).mute.get();
            boolean solo = i < rows.size() && rows.get(i).solo.get();
            s = s.withProperty("studio.track." + i + ".mute", mute ? "true" : null);
            s = s.withProperty("studio.track." + i + ".solo", solo ? "true" : null);
        }
        return s;
    }

    /** Reads mute/solo from a loaded song and edits its first track with notes. */
    public void readSettings(Song song) {
        rebuild(song);
        for (TrackRow r : rows) {
            r.mute.set("true".equals(song.properties().get("studio.track." + r.index + ".mute")));
            r.solo.set("true".equals(song.properties().get("studio.track." + r.index + ".solo")));
        }
        int first = 0;
        for (int i = 0; i < song.tracks().size(); i++) {
            if (!song.tracks().get(i).notes().isEmpty()) {
                first = i;
                break;
            }
        }
        editedTrack.set(first);
    }

    private void rebuild(Song song) {
        List<TrackRow> old = new ArrayList<>(rows);
        List<TrackRow> fresh = new ArrayList<>();
        for (int i = 0; i < song.tracks().size(); i++) {
            TrackRow r = new TrackRow(i, song.tracks().get(i));
            if (i < old.size()) {
                r.mute.set(old.get(i).mute.get());
                r.solo.set(old.get(i).solo.get());
            }
            r.mute.addListener((obs, o, n) -> fireMix());
            r.solo.addListener((obs, o, n) -> fireMix());
            fresh.add(r);
        }
        rows.setAll(fresh);
        fireMix();
    }

    private static boolean sameTrackHeaders(Song a, Song b) {
        if (a.tracks().size() != b.tracks().size()) return false;
        for (int i = 0; i < a.tracks().size(); i++) {
            Track x = a.tracks().get(i);
            Track y = b.tracks().get(i);
            if (!x.name().equals(y.name()) || x.program() != y.program() || x.channel() != y.channel()
                    || x.notes().size() != y.notes().size()) {
                return false;
            }
        }
        return true;
    }
}
