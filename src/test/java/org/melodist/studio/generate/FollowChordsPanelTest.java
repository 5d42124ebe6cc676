package org.melodist.studio.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.generate.ChordGuide;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.harmony.ChordLanes;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.SetChord;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/** The Generate panel's Follow chords with the song's chord lane and a real (tiny) melody model. */
class FollowChordsPanelTest {

    private static MelodyGenerator generator;

    @TempDir
    Path dir;
    private final SameThreadRunner runner = new SameThreadRunner();
    private SongDocument doc;
    private PianoRollViewModel roll;
    private TransportViewModel transport;
    private GenerateViewModel gen;

    @BeforeAll
    static void setUp() throws Exception {
        generator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void closeModel() {
        generator.close();
    }

    @AfterEach
    void tearDown() {
        if (gen != null) gen.close();
        if (transport != null) transport.close();
    }

    /** Two bars of eighths in C major (4/4, 480 ppq), then chords over the four bars after them. */
    private void build() {
        int[] scale = {60, 62, 64, 65, 67, 69, 71, 72};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(new Note(scale[(i * 3) % 8], 90, i * 240L, 240));
        doc = new SongDocument(Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes))));
        roll = new PianoRollViewModel(doc);
        TrackListViewModel tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
        SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(dir.resolve("sound.properties")), List.of());
        transport = new TransportViewModel(roll, tracks, choice, SequencerPlaybackService::forSoundCard, runner);
        gen = new GenerateViewModel(roll, transport, MelodyGeneratorSource.of(generator, TinyMelodyModel.dir()), runner);
        gen.settings().barsProperty().set(4);
        gen.settings().variationCountProperty().set(6);
        gen.settings().temperatureProperty().set(1.5);
    }

    private ChordGuide.ToneShare share(ChordGuide chords) {
        long[] range = gen.continuationRange();
        ChordGuide.ToneShare s = new ChordGuide.ToneShare(0, 0);
        for (List<Note> v : gen.variations()) {
            s = s.plus(chords.toneShare(v, range[0], range[1], doc.current().timeSignature(), 480));
        }
        return s;
    }

    @Test
    void followChordsKeepsStrongBeatNotesToTheLanesChordsAndIsRemembered() throws Exception {
        build();
        String[] symbols = {"Dm", "G7", "Am", "F"};
        for (int b = 0; b < symbols.length; b++) doc.apply(new SetChord((2 + b) * 1920L, (3 + b) * 1920L, symbols[b]));
        ChordGuide chords = ChordLanes.guide(doc.current());
        assertEquals(4, chords.spans().size());

        gen.generate();
        ChordGuide.ToneShare free = share(chords);
        assertTrue(free.share() < 1, "left free, the tiny model plays other notes on strong beats too: " + free);

        gen.settings().followChordsProperty().set(true);
        gen.generate();
        ChordGuide.ToneShare follow = share(chords);
        assertTrue(follow.strongBeatNotes() > 6, follow.toString());
        assertEquals(1.0, follow.share(), 1e-9, "following: every note heard on a strong beat is a chord tone: " + follow);
        assertTrue(gen.messageProperty().get().contains("following the chords"), gen.messageProperty().get());

        StudioPreferences prefs = new StudioPreferences(new PropertiesFileSettingsStore(dir.resolve("prefs.properties")));
        gen.settings().write(prefs);
        GenerateSettings again = new GenerateSettings();
        again.read(prefs);
        assertTrue(again.followChordsProperty().get(), "the box is remembered");
    }

    @Test
    void withAnEmptyLaneFollowChordsSaysSoAndGeneratesFreely() throws Exception {
        build();
        gen.settings().followChordsProperty().set(true);
        List<String> said = new ArrayList<>();
        gen.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank()) said.add(n);
        });
        gen.generate();
        assertEquals(6, gen.variations().size());
        assertTrue(said.get(0).startsWith("Follow chords: the chord lane is empty"), said.toString());

        // chords under the seed only: the continuation has none to follow, and the message says so
        doc.apply(new SetChord(0, 3840, "C"));
        gen.generate();
        assertTrue(gen.messageProperty().get().contains("(Follow chords: no chords under these bars)"), gen.messageProperty().get());
    }
}
