package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.melodist.midi.MidiFileReader;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Song;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.RenderOptions;
import org.melodist.sound.SoundbankChoice;
import org.melodist.sound.SoundbankFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code render IN.mid --out OUT.wav}: bounces a MIDI file to a WAV file with the Java synthesizer. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a MIDI file to a 16-bit stereo WAV file with Java's synthesizer (no audio device needed).")
final class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IN.mid", description = "the Standard MIDI File to render")
    Path in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.wav",
            description = "the WAV file to write (replaced atomically if it exists)")
    Path out;

    @Option(names = "--soundfont", paramLabel = "F",
            description = "an SF2 or DLS soundbank; default: the one chosen in the studio, else the first "
                    + "General MIDI SF2 in the system folders, else Java's built-in bank")
    Path soundfont;

    @Option(names = "--sample-rate", paramLabel = "R", defaultValue = "44100",
            description = "output sample rate in Hz (default: ${DEFAULT-VALUE})")
    int sampleRate;

    @Option(names = "--tail", paramLabel = "S", defaultValue = "2.0",
            description = "seconds of release and reverb tail after the last note (default: ${DEFAULT-VALUE})")
    double tail;

    @Override
    public Integer call() throws Exception {
        RenderOptions options = RenderOptions.DEFAULT.withSampleRate(sampleRate).withTail(tail);
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": is a folder; give the WAV file to write");
        }
        Song song = new MidiFileReader().read(in);
        SoundbankChoice.Selection bank = soundfont != null
                ? new SoundbankChoice.Selection(java.util.Optional.of(SoundbankFiles.load(soundfont)),
                        java.util.Optional.of(soundfont), soundfont.toString())
                : new SoundbankChoice(PropertiesFileSettingsStore.forUser()).resolve();
        OfflineRenderer.Result r = new OfflineRenderer(bank.bank()).renderToWav(song, out, options);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s: %.2f s of audio at %d Hz, 16-bit stereo, soundbank %s; rendered in %.2f s (%.1fx real time)%n",
                r.file(), r.audioSeconds(), sampleRate, bank.description(), r.wallSeconds(), r.speedTimesRealTime());
        o.flush();
        return 0;
    }
}
