package org.melodist.sound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;

import org.melodist.ErrorMessages;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * {@link PlaybackService} on the JDK's real-time {@link Sequencer} driving a {@link MidiOutput}. The
 * sequencer holds every note of every track; mutes, solos and the click are sequencer track mutes and
 * programs are sent directly, so the mix changes while playing without rebuilding anything. The loop
 * uses the sequencer's own loop points, which wrap inside its playback thread with no gap.
 */
public final class SequencerPlaybackService implements PlaybackService {

    /** Auditioned notes prefer this channel, which songs rarely use, so they never change a track's program. */
    public static final int PREFERRED_AUDITION_CHANNEL = 15;
    static final long PLAYHEAD_PERIOD_MICROS = 5_000;
    private static final System.Logger LOG = System.getLogger(SequencerPlaybackService.class.getName());

    private final Object lock = new Object();
    private final MidiOutput output;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final SongSequenceBuilder builder = new SongSequenceBuilder();

    private volatile Sequencer sequencer;
    private Receiver receiver;
    private volatile PlaybackState state;
    private volatile String message;
    private volatile long playhead;
    private Song song = Song.empty();
    private PlaybackMix mix = PlaybackMix.DEFAULT;
    private double tempoFactor = 1.0;
    private long minimumLength;
    private long loopStart = -1;
    private long loopEnd = -1;
    private int auditionProgram = -1;
    private int auditionChannel = PREFERRED_AUDITION_CHANNEL;
    private ScheduledFuture<?> poller;

    /**
     * Opens the output and a sequencer; when either cannot open, the service is UNAVAILABLE with the
     * reason in {@link #statusMessage()} and everything else keeps working.
     */
    public SequencerPlaybackService(MidiOutput output) {
        this.output = output;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "melodist-playback");
            t.setDaemon(true);
            return t;
        });
        try {
            receiver = output.open();
            Sequencer s = MidiSystem.getSequencer(false);
            s.open();
            s.getTransmitter().setReceiver(receiver);
            sequencer = s;
            state = PlaybackState.STOPPED;
            message = output.description();
            installSequence();
        } catch (MidiUnavailableException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "playback unavailable", e);
            output.close();
            if (sequencer != null) sequencer.close();
            sequencer = null;
            receiver = null;
            state = PlaybackState.UNAVAILABLE;
            message = "Playback unavailable: " + ErrorMessages.oneLine(e)
                    + ". Editing, generation and rendering still work.";
        }
    }

    /** Playback through the sound card with the given soundbank (UNAVAILABLE when there is none). */
    public static SequencerPlaybackService forSoundCard(SoundbankChoice.Selection bank) {
        return new SequencerPlaybackService(new GervillLiveOutput(bank));
    }

    @Override
    public PlaybackState state() {
        return state;
    }

    @Override
    public String statusMessage() {
        return message;
    }

    @Override
    public long playheadTick() {
        return playhead;
    }

    @Override
    public void load(Song newSong) {
        synchronized (lock) {
            song = newSong;
            if (unavailable()) return;
            boolean running = sequencer.isRunning();
            long pos = sequencer.getTickPosition();
            if (running) {
                sequencer.stop();
                // the old sequence's sounding notes would otherwise never get their note-offs
                silence();
            }
            installSequence();
            long clamped = Math.min(pos, sequencer.getTickLength());
            sequencer.setTickPosition(clamped);
            playhead = clamped;
            if (running) sequencer.start();
        }
    }

    @Override
    public void setMinimumLength(long tick) {
        synchronized (lock) {
            long t = Math.max(0, tick);
            if (t == minimumLength) return;
            minimumLength = t;
        }
        load(song);
    }

    private void installSequence() {
        try {
            sequencer.setSequence(builder.buildForLivePlayback(song, minimumLength));
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("the sequencer refused the song: " + e.getMessage(), e);
        }
        sequencer.setTempoFactor((float) tempoFactor);
        applyMutes(PlaybackMix.DEFAULT);
        applyLoop();
        sendPrograms();
        int channel = auditionChannelFor(song);
        if (channel != auditionChannel) {
            auditionChannel = channel;
            auditionProgram = -1;
        }
    }

    /**
     * The highest channel no track and not the click uses, so auditioning never changes a track's sound;
     * when all sixteen are taken, the preferred one.
     */
    public static int auditionChannelFor(Song song) {
        boolean[] used = new boolean[16];
        used[SongSequenceBuilder.CLICK_CHANNEL] = true;
        for (Track t : song.tracks()) used[t.channel()] = true;
        for (int ch = 15; ch >= 0; ch--) {
            if (!used[ch]) return ch;
        }
        return PREFERRED_AUDITION_CHANNEL;
    }

    @Override
    public void play() {
        synchronized (lock) {
            if (unavailable() || state == PlaybackState.PLAYING) return;
            if (sequencer.getTickPosition() >= sequencer.getTickLength()) {
                sequencer.setTickPosition(loopStart >= 0 ? loopStart : 0);
            }
            sendPrograms();
            sequencer.start();
            playhead = sequencer.getTickPosition();
            poller = timer.scheduleAtFixedRate(this::poll, PLAYHEAD_PERIOD_MICROS, PLAYHEAD_PERIOD_MICROS,
                    TimeUnit.MICROSECONDS);
            setState(PlaybackState.PLAYING);
        }
    }

    @Override
    public void playFrom(long tick) {
        if (tick < 0) throw new IllegalArgumentException("cannot play from negative tick " + tick);
        synchronized (lock) {
            if (unavailable()) return;
            long clamped = Math.min(tick, sequencer.getTickLength());
            sequencer.setTickPosition(clamped);
            playhead = clamped;
            play();
        }
    }

    @Override
    public void pause() {
        synchronized (lock) {
            if (state != PlaybackState.PLAYING) return;
            halt();
            playhead = sequencer.getTickPosition();
            setState(PlaybackState.PAUSED);
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (unavailable()) return;
            halt();
            sequencer.setTickPosition(0);
            playhead = 0;
            setState(PlaybackState.STOPPED);
        }
    }

    private void halt() {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
        sequencer.stop();
        silence();
    }

    /** All notes off on every channel the song or the click may be sounding on (not the audition's). */
    private void silence() {
        for (int ch = 0; ch < 16; ch++) {
            if (ch != auditionChannel) send(ShortMessage.CONTROL_CHANGE, ch, 123, 0);
        }
    }

    /** Runs on the timer: publishes the playhead and notices the end of the song. */
    private void poll() {
        Sequencer s = sequencer;
        if (s == null) return;
        playhead = s.getTickPosition();
        if (!s.isRunning()) {
            synchronized (lock) {
                if (state == PlaybackState.PLAYING && !sequencer.isRunning()) {
                    halt();
                    sequencer.setTickPosition(0);
                    playhead = 0;
                    setState(PlaybackState.STOPPED);
                }
            }
        }
    }

    @Override
    public void setLoop(long startTick, long endTick) {
        if (startTick < 0 || endTick <= startTick) {
            throw new IllegalArgumentException("loop " + startTick + "-" + endTick + " is not a forward range of ticks");
        }
        synchronized (lock) {
            loopStart = startTick;
            loopEnd = endTick;
            if (!unavailable()) applyLoop();
        }
    }

    @Override
    public void clearLoop() {
        synchronized (lock) {
            loopStart = -1;
            loopEnd = -1;
            if (!unavailable()) applyLoop();
        }
    }

    private void applyLoop() {
        long length = sequencer.getTickLength();
        long end = Math.min(loopEnd, length);
        sequencer.setLoopCount(0);
        sequencer.setLoopStartPoint(0);
        sequencer.setLoopEndPoint(-1);
        if (loopStart >= 0 && loopStart < end) {
            sequencer.setLoopEndPoint(end);
            sequencer.setLoopStartPoint(loopStart);
            sequencer.setLoopCount(Sequencer.LOOP_CONTINUOUSLY);
        }
    }

    @Override
    public void setTempoFactor(double factor) {
        if (!(factor >= 0.1 && factor <= 10)) {
            throw new IllegalArgumentException("tempo factor " + factor + " is outside 0.1-10");
        }
        synchronized (lock) {
            tempoFactor = factor;
            if (!unavailable()) sequencer.setTempoFactor((float) factor);
        }
    }

    @Override
    public double tempoFactor() {
        synchronized (lock) {
            return tempoFactor;
        }
    }

    @Override
    public void setMix(PlaybackMix newMix) {
        synchronized (lock) {
            PlaybackMix old = mix;
            mix = newMix;
            if (unavailable()) return;
            applyMutes(old);
            sendPrograms();
        }
    }

    @Override
    public PlaybackMix mix() {
        synchronized (lock) {
            return mix;
        }
    }

    private void applyMutes(PlaybackMix previous) {
        for (int i = 0; i < song.tracks().size(); i++) {
            boolean audible = mix.isAudible(i);
            sequencer.setTrackMute(SongSequenceBuilder.sequenceTrackOf(i), !audible);
            if (!audible && previous.isAudible(i)) {
                send(ShortMessage.CONTROL_CHANGE, song.track(i).channel(), 123, 0);
            }
        }
        sequencer.setTrackMute(SongSequenceBuilder.metronomeTrackOf(song), !mix.metronome());
    }

    private void sendPrograms() {
        for (int i = 0; i < song.tracks().size(); i++) {
            Track t = song.track(i);
            send(ShortMessage.CONTROL_CHANGE, t.channel(), 0, 0);
            send(ShortMessage.CONTROL_CHANGE, t.channel(), 32, 0);
            send(ShortMessage.PROGRAM_CHANGE, t.channel(), mix.programFor(i, t), 0);
        }
    }

    @Override
    public void audition(int pitch, int velocity, int program, int millis) {
        if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127 || program < 0 || program > 127) {
            throw new IllegalArgumentException("audition pitch " + pitch + ", velocity " + velocity + ", program "
                    + program + " out of MIDI range");
        }
        synchronized (lock) {
            if (unavailable()) return;
            if (program != auditionProgram) {
                send(ShortMessage.CONTROL_CHANGE, auditionChannel, 0, 0);
                send(ShortMessage.CONTROL_CHANGE, auditionChannel, 32, 0);
                send(ShortMessage.PROGRAM_CHANGE, auditionChannel, program, 0);
                auditionProgram = program;
            }
            send(ShortMessage.NOTE_ON, auditionChannel, pitch, velocity);
            int channel = auditionChannel;
            timer.schedule(() -> {
                synchronized (lock) {
                    if (!unavailable()) send(ShortMessage.NOTE_OFF, channel, pitch, 0);
                }
            }, Math.max(1, millis), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (sequencer != null) {
                if (sequencer.isRunning()) halt();
                sequencer.close();
                sequencer = null;
            }
            output.close();
            receiver = null;
            if (state != PlaybackState.UNAVAILABLE) {
                message = "Playback closed.";
                setState(PlaybackState.UNAVAILABLE);
            }
        }
        timer.shutdown();
    }

    private boolean unavailable() {
        return sequencer == null;
    }

    private void setState(PlaybackState next) {
        if (state == next) return;
        state = next;
        String msg = next == PlaybackState.UNAVAILABLE ? message : "";
        if (!timer.isShutdown()) {
            timer.execute(() -> listeners.forEach(l -> l.stateChanged(next, msg)));
        }
    }

    private void send(int command, int channel, int d1, int d2) {
        try {
            MidiMessage m = new ShortMessage(command, channel, d1, d2);
            receiver.send(m, -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
