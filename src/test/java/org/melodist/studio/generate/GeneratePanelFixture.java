package org.melodist.studio.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The Generate panel's view model over real services, as the studio wires it: a two-bar lead melody in a
 * song document, the piano roll, the transport (no sound card needed until Play), a model catalog over a user data
 * folder and the tiny trained model standing in for the shipped one. Tests of the panel differ in what they do
 * with it, not in how it is built.
 */
final class GeneratePanelFixture implements AutoCloseable {

    final SameThreadRunner runner = new SameThreadRunner();
    final PianoRollViewModel roll;
    final TransportViewModel transport;
    final GenerateViewModel gen;
    private final MelodyGenerator shipped;

    /**
     * @param catalog the user's models, registered before the panel opens so that its picker lists them as the
     *     studio's would at start-up
     */
    GeneratePanelFixture(Path userData, MelodyGenerator shipped, int tempoBpm, MelodyModelCatalog catalog) {
        this.shipped = shipped;
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(new Note(60 + (i * 2) % 12, 90, i * 240L, 240));
        SongDocument doc = new SongDocument(Song.of(480, tempoBpm, List.of(Track.of("Lead", 0, 0, notes))));
        roll = new PianoRollViewModel(doc);
        TrackListViewModel tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
        SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(userData.resolve("s.properties")), List.of());
        transport = new TransportViewModel(roll, tracks, choice, SequencerPlaybackService::forSoundCard, runner);
        gen = open(catalog);
        gen.settings().barsProperty().set(1);
    }

    /** Another panel over the same song and transport, as the next studio session would open it. */
    GenerateViewModel open(MelodyModelCatalog catalog) {
        return new GenerateViewModel(roll, transport, MelodyGeneratorSource.of(shipped, TinyMelodyModel.dir()), catalog, runner);
    }

    @Override
    public void close() {
        gen.close();
        gen.releaseModels();
        transport.close();
    }
}
