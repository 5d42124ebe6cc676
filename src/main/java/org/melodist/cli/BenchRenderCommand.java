package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Song;
import org.melodist.sound.GervillLiveOutput;
import org.melodist.sound.PlaybackAvailability;
import org.melodist.sound.RenderOptions;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundBenchmark;
import org.melodist.sound.SoundbankChoice;
import org.melodist.sound.SoundbankFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-render}: render speed, playhead read cost and synthesizer latency figures. */
@Command(name = "bench-render", mixinStandardHelpOptions = true,
        description = "Benchmark the sound engine: offline render speed of a generated 4-track song, "
                + "playhead read cost, synthesizer open time and note-on-to-sound delay.")
final class BenchRenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--soundfont", paramLabel = "F", description = "an SF2 or DLS soundbank (default: as render)")
    Path soundfont;

    @Option(names = "--seconds", defaultValue = "180", description = "length of the generated song (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "render runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--sample-rate", defaultValue = "44100", description = "render sample rate (default: ${DEFAULT-VALUE})")
    int sampleRate;

    @Option(names = "--reads", defaultValue = "200000000", description = "playhead reads to time (default: ${DEFAULT-VALUE})")
    long reads;

    @Option(names = "--monitor-buffers", split = ",", defaultValue = "40,20,10,5", paramLabel = "MS",
            description = "line buffers (ms) to measure live monitoring of a MIDI keyboard with (default: ${DEFAULT-VALUE})")
    List<Integer> monitorBuffers;

    @Override
    public Integer call() throws Exception {
        if (reads < 1000) throw new IllegalArgumentException("--reads " + reads + " is below 1000");
        for (int b : monitorBuffers) {
            if (b < 5 || b > 1000) throw new IllegalArgumentException("--monitor-buffers " + b + " is outside 5-1000 ms");
        }
        if (runs < 1 || runs > 50) throw new IllegalArgumentException("--runs " + runs + " is outside 1-50");
        if (!(seconds >= 1 && seconds <= 3600)) throw new IllegalArgumentException("--seconds is outside 1-3600");
        PrintWriter out = spec.commandLine().getOut();
        SoundbankChoice.Selection bank = soundfont != null
                ? new SoundbankChoice.Selection(Optional.of(SoundbankFiles.load(soundfont)), Optional.of(soundfont),
                        soundfont.toString())
                : new SoundbankChoice(PropertiesFileSettingsStore.forUser()).resolve();
        SoundBenchmark bench = new SoundBenchmark(bank.bank());
        Song song = SoundBenchmark.generatedSong(seconds, 42);
        int notes = song.tracks().stream().mapToInt(t -> t.notes().size()).sum();
        out.printf("soundbank: %s%n", bank.description());
        out.printf("song: %d tracks, %d notes, %.1f s; cores: %d%n", song.tracks().size(), notes,
                song.durationSeconds(), Runtime.getRuntime().availableProcessors());
        out.flush();

        out.printf("synth open (stream + soundbank): %.1f ms (first), %.1f ms (again)%n", bench.synthOpenMillis(),
                bench.synthOpenMillis());
        SoundBenchmark.RenderSpeed speed = bench.renderSpeed(song,
                RenderOptions.DEFAULT.withSampleRate(sampleRate), runs);
        out.printf("render %d Hz: %.1f s of audio; best %.1fx real time, median %.1fx (runs:", sampleRate,
                speed.audioSeconds(), speed.bestTimesRealTime(), speed.medianTimesRealTime());
        for (double w : speed.wallSeconds()) out.printf(" %.2f s", w);
        out.println(")");
        out.flush();

        double ns = bench.playheadReadNanos(song, reads);
        out.printf("playhead read while playing: %.2f ns per read (volatile field, refreshed every 5 ms)%n", ns);
        long latency = GervillLiveOutput.DEFAULT_LATENCY_MICROS;
        double delay = bench.noteOnToSoundMillis(latency);
        out.printf("note-on to first sample in the synth stream (blocks of %d ms): %.1f ms; with the %d ms line "
                + "buffer a sound card adds, about %.1f ms note-on to sound%n", latency / 1000, delay, latency / 1000,
                delay + latency / 1000.0);
        out.println("live monitoring of a MIDI keyboard (note-on to first sample in the synth stream, mean of 12 notes;"
                + " a sound card adds about the line buffer):");
        out.println("  buffer  control rate  in stream  note-on to sound");
        for (int ms : monitorBuffers) {
            for (float rate : new float[] {GervillLiveOutput.DEFAULT_CONTROL_RATE, GervillLiveOutput.MONITOR_CONTROL_RATE}) {
                double d = bench.noteOnToSoundMillis(ms * 1000L, rate, 12);
                boolean chosen = ms * 1000L == GervillLiveOutput.MONITOR_LATENCY_MICROS
                        && rate == GervillLiveOutput.MONITOR_CONTROL_RATE;
                out.printf("  %3d ms  %6.0f Hz     %5.1f ms   %5.1f ms%s%n", ms, rate, d, d + ms, chosen ? "   <- monitoring" : "");
            }
        }

        long t0 = System.nanoTime();
        try (SequencerPlaybackService live = SequencerPlaybackService.forSoundCard(bank)) {
            PlaybackAvailability a = live.availability();
            if (a.available()) {
                out.printf("live open (synth, soundbank, audio line, sequencer): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            } else {
                out.printf("live open: not measurable here: %s%n", a.reason());
            }
        }
        out.flush();
        return 0;
    }
}
