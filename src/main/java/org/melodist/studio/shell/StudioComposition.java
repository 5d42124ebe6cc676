package org.melodist.studio.shell;

import java.nio.file.Path;
import java.util.function.Function;

import org.melodist.feedback.FeedbackLog;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.studio.generate.FeedbackViewModel;
import org.melodist.analysis.AudioDecodeException;
import org.melodist.analysis.AudioDecoder;
import org.melodist.analysis.DecodedAudio;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.sound.AudioInput;
import org.melodist.studio.transcribe.TranscribeViewModel;
import org.melodist.song.Song;
import org.melodist.perform.MidiInputs;
import org.melodist.perform.PerformanceClock;
import org.melodist.perform.SystemMidiInputs;
import org.melodist.sound.GervillLiveOutput;
import org.melodist.sound.MidiOutput;
import org.melodist.sound.PlaybackService;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.analysis.AnalysisViewModel;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.chords.ChordLaneViewModel;
import org.melodist.studio.chords.HarmonizerSource;
import org.melodist.studio.document.DocumentViewModel;
import org.melodist.studio.document.RecoveryStore;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.originality.OriginalityViewModel;
import org.melodist.studio.originality.VariationBadgesViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.pianoroll.GridDivision;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.playin.PlayInViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.FxBackgroundRunner;
import org.melodist.studio.style.StyleLearningViewModel;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The studio's composition root: every service and ViewModel is created here, in one place, and wired
 * to the others (settings hooks, status-bar messages, activity). Open this file first to see what the
 * studio is made of. The window ({@link StudioWindow}) only builds views over the result; closing the
 * {@link StudioViewModel} closes what is made here.
 */
public final class StudioComposition {

    private StudioComposition() {
    }

    /** The studio as the app runs it: the user's data folder, the sound card, the shipped models. */
    public static StudioViewModel forApp(Path userDataDir) {
        return create(userDataDir, SequencerPlaybackService::forSoundCard, MelodyGeneratorSource.shipped(),
                GenreModelSource.shipped(), new FxBackgroundRunner());
    }

    /** The studio on the JavaFX runner with the shipped genre model, and the given playback and melody model. */
    public static StudioViewModel create(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                                         MelodyGeneratorSource melody) {
        return create(userDataDir, playback, melody, GenreModelSource.shipped(), new FxBackgroundRunner());
    }

    /**
     * Everything the studio writes lives under {@code userDataDir}: the user's settings (preferences and the
     * soundbank choice, in the one store the command line reads too) and the recovery file.
     *
     * @param playback opens live playback with a soundbank (the sound card, or a recorder in tests)
     * @param melody   the melody model of the Generate panel, loaded when first needed
     * @param genre    the genre model of the analysis tab, loaded when first needed
     * @param runner   runs all background work; shut down when the studio closes
     */
    public static StudioViewModel create(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                                         MelodyGeneratorSource melody, GenreModelSource genre, BackgroundRunner runner) {
        return create(userDataDir, playback, melody, genre, runner, HarmonizerSource.shipped());
    }

    /** As above, with the harmony model of the chord lane given ({@code models/harmony} in the app). */
    public static StudioViewModel create(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                                         MelodyGeneratorSource melody, GenreModelSource genre, BackgroundRunner runner,
                                         HarmonizerSource harmony) {
        return create(userDataDir, playback, melody, genre, runner, harmony, new SystemMidiInputs(),
                GervillLiveOutput::forMonitoring);
    }

    /**
     * As above with the shipped harmony model, and the MIDI inputs and the monitoring output given (a synthetic
     * keyboard in tests and screenshots).
     */
    public static StudioViewModel create(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                                         MelodyGeneratorSource melody, GenreModelSource genre, BackgroundRunner runner,
                                         MidiInputs midiInputs, Function<SoundbankChoice.Selection, MidiOutput> monitoring) {
        return create(userDataDir, playback, melody, genre, runner, HarmonizerSource.shipped(), midiInputs, monitoring);
    }

    /** Every part given: the harmony model, the MIDI inputs and the output that monitors them. */
    public static StudioViewModel create(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                                         MelodyGeneratorSource melody, GenreModelSource genre, BackgroundRunner runner,
                                         HarmonizerSource harmony, MidiInputs midiInputs,
                                         Function<SoundbankChoice.Selection, MidiOutput> monitoring) {
        // one per-user store: the command line reads the soundbank chosen here from it too
        StudioPreferences prefs = new StudioPreferences(PropertiesFileSettingsStore.forUser(userDataDir));
        SongDocument document = new SongDocument(Song.empty());
        DocumentViewModel files = new DocumentViewModel(document, prefs,
                new RecoveryStore(userDataDir.resolve("recovery").resolve("autosave.mid")), runner);

        PianoRollViewModel pianoRoll = new PianoRollViewModel(document);
        GridDivision savedGrid = GridDivision.fromLabel(prefs.get("grid", ""));
        if (savedGrid != null) pianoRoll.gridProperty().set(savedGrid);
        TrackListViewModel tracks = new TrackListViewModel(document, pianoRoll.trackIndexProperty());
        files.addSettingsWriter(pianoRoll::writeSettings);
        files.addSettingsWriter(tracks::writeSettings);
        files.addLoadListener(pianoRoll::readSettings);
        files.addLoadListener(tracks::readSettings);

        TransportViewModel transport = new TransportViewModel(pianoRoll, tracks,
                new SoundbankChoice(prefs.store()), playback, runner);

        // the picker offers the shipped model and the user's own (styles in <user data>/models/styles)
        MelodyModelCatalog models = MelodyModelCatalog.forUser(userDataDir, melody.dir());
        // personal models, learnt from the musician's Accept / Discard / thumbs, in <user data>/models/personal
        Path personal = models.register(GenerateViewModel.PERSONAL_KIND, "Personal",
                MelodyModelCatalog.userModelsDir(userDataDir).resolve(GenerateViewModel.PERSONAL_KIND)).dir();
        GenerateViewModel generate = new GenerateViewModel(pianoRoll, transport, melody, models, runner);
        generate.setFeedback(new FeedbackViewModel(new FeedbackLog(userDataDir.resolve(FeedbackLog.FILE_NAME)),
                personal.resolve(FeedbackViewModel.PERSONAL_NAME), melody::dir, FeedbackViewModel::folkRehearsal,
                FeedbackViewModel.STUDIO_OPTIONS, runner));
        // the chord lane: harmonise, alternatives, Chords -> track; Follow chords reads it when generating
        ChordLaneViewModel chords = new ChordLaneViewModel(pianoRoll, transport, harmony, runner);
        generate.settings().read(prefs);
        generate.chooseModel(generate.settings().modelIdProperty().get());
        // after the piano roll's listener, so that the key lock follows the scale it has just read
        files.addLoadListener(generate::songReplaced);

        // "Learn a style…": a style learnt from a folder joins the picker, chosen
        StyleLearningViewModel style = new StyleLearningViewModel(models, runner, generate::modelsChanged);
        // audio to melody: a dropped or opened recording, or singing into the audio input
        TranscribeViewModel transcribe = new TranscribeViewModel(pianoRoll, runner, audioInput());

        // originality: the training tunes plus the musician's folders; each variation shown gets a badge
        OriginalityViewModel originality = new OriginalityViewModel(OriginalityViewModel.shippedLocation(),
                userDataDir.resolve("originality").resolve("folders.idx"), runner);
        originality.readSettings(prefs);
        VariationBadgesViewModel badges = new VariationBadgesViewModel(originality);
        badges.readSettings(prefs);
        generate.setVariationFilter(badges.filter());
        generate.currentNotesProperty().addListener((obs, o, n) -> badges.showVariation(n, pianoRoll.song().ppq()));

        // a .mid given to the analysis tab opens in Compose; the window asks about unsaved changes first
        OpenRequests openRequests = new OpenRequests(files::open);
        AnalysisViewModel analysis = new AnalysisViewModel(document, openRequests::open, prefs, genre, runner);

        StudioViewModel studio = new StudioViewModel(new StudioViewModel.Parts(runner, prefs, document, files, pianoRoll,
                tracks, transport, generate, analysis, melody, openRequests, badges, chords, style, transcribe));
        // the keyboard: after the transport and the Generate settings it plays with
        PlayInViewModel playIn = new PlayInViewModel(pianoRoll, transport, generate.settings(), generate::modelSource, midiInputs,
                monitoring, prefs, PerformanceClock.system(), runner);
        studio.attachPlayIn(playIn);
        studio.relay(playIn.messageProperty());
        studio.relay(files.messageProperty());
        studio.relay(transport.messageProperty());
        studio.relay(pianoRoll.messageProperty());
        studio.relay(generate.messageProperty());
        studio.relay(generate.feedback().messageProperty());
        studio.relay(analysis.messageProperty());
        studio.relay(originality.messageProperty());
        studio.relay(chords.messageProperty());
        studio.relay(style.messageProperty());
        studio.relay(transcribe.messageProperty());
        studio.showActivity(generate.runningProperty(), generate.progressProperty());
        studio.showActivity(analysis.busyProperty(), analysis.runningProgressProperty());
        studio.showActivity(chords.runningProperty(), chords.progressProperty());
        studio.showActivity(style.trainingProperty(), style.progressProperty());
        return studio;
    }

    /**
     * The audio input "Sing a seed" records from: the system's default input line, or, with
     * {@code -Dmelodist.audioInput=FILE} (a recording in any format the analysis tab reads), that recording played
     * in real time as if sung into a microphone: for trying the feature, and for screenshots, on a machine without one.
     */
    static AudioInput audioInput() {
        String file = System.getProperty(AUDIO_INPUT_PROPERTY);
        if (file == null || file.isBlank()) return AudioInput.system();
        try {
            DecodedAudio a = new AudioDecoder().decode(Path.of(file));
            return AudioInput.ofSamples(a.samples(), a.sampleRate(), true);
        } catch (AudioDecodeException | RuntimeException e) {
            System.getLogger(StudioComposition.class.getName()).log(System.Logger.Level.WARNING,
                    "-D" + AUDIO_INPUT_PROPERTY + ": cannot read " + file + " (" + e.getMessage() + "); using the system's input");
            return AudioInput.system();
        }
    }

    /** System property naming a recording that stands in for the microphone. */
    public static final String AUDIO_INPUT_PROPERTY = "melodist.audioInput";
}
