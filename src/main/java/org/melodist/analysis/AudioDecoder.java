package org.melodist.analysis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.melodist.ErrorMessages;

/**
 * Decodes WAV, AIFF, AU, MP3, OGG Vorbis and FLAC to mono float samples at 22,050 Hz, as {@code librosa.load}
 * does with its defaults (channels averaged, samples scaled to [-1, 1) as int / 2^(bits-1), band-limited
 * resampling). Codecs come from the service providers on the class path (JDK, mp3spi, vorbisspi, jFLAC).
 *
 * <p>The file is streamed in blocks through the resampler, so memory is the 22,050 Hz output (about 5 MB per
 * minute) and never the decoded source. Every failure becomes one {@link AudioDecodeException} naming the
 * file and the reason.
 */
public final class AudioDecoder {

    /** librosa's default analysis rate. */
    public static final int TARGET_RATE = 22_050;
    /** Longest audio accepted by default: 30 minutes (about 160 MB of samples). */
    public static final double DEFAULT_MAX_SECONDS = 30 * 60;

    private static final int BLOCK_FRAMES = 16_384;
    /** Peak-to-peak below this (about -80 dBFS) means there is nothing to analyse. */
    private static final double MIN_PEAK_TO_PEAK = 2e-4;
    /** Reads that return nothing this many times in a row mean a stuck codec, not a slow one. */
    private static final int MAX_EMPTY_READS = 1000;
    private static final System.Logger LOG = System.getLogger(AudioDecoder.class.getName());

    private final int targetRate;
    private final double maxSeconds;
    private final boolean allowSilence;

    public AudioDecoder() {
        this(TARGET_RATE, DEFAULT_MAX_SECONDS);
    }

    public AudioDecoder(int targetRate, double maxSeconds) {
        this(targetRate, maxSeconds, false);
    }

    private AudioDecoder(int targetRate, double maxSeconds, boolean allowSilence) {
        if (targetRate <= 0 || !(maxSeconds > 0)) {
            throw new IllegalArgumentException("target rate and maximum duration must be positive");
        }
        this.targetRate = targetRate;
        this.maxSeconds = maxSeconds;
        this.allowSilence = allowSilence;
    }

    /**
     * A decoder like this one that returns silent or DC-only audio instead of refusing it, for callers (such
     * as transcription) for whom silence is a valid answer rather than a broken file.
     */
    public AudioDecoder allowingSilence() {
        return new AudioDecoder(targetRate, maxSeconds, true);
    }

    /** True for files this decoder refuses because they belong to the MIDI importer. */
    public static boolean isMidi(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".mid") || name.endsWith(".midi") || name.endsWith(".kar") || name.endsWith(".rmi")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'M' && head[1] == 'T' && head[2] == 'h' && head[3] == 'd';
        } catch (IOException e) {
            return false;
        }
    }

    /** Decodes {@code file}, resampling beside the codec when the machine has two cores or more. */
    public DecodedAudio decode(Path file) throws AudioDecodeException {
        return decode(file, Parallel.DEFAULT_THREADS);
    }

    /**
     * Decodes {@code file} on {@code threads} threads: with two or more the resampler runs on a second thread
     * beside the codec and the channel mix, and splits its filtering over the threads; its output depends on the
     * input alone, so the samples are the same bit for bit as on one.
     */
    public DecodedAudio decode(Path file, int threads) throws AudioDecodeException {
        return decode(file, threads, null);
    }

    /** The rate of the decoded samples. */
    public int targetRate() {
        return targetRate;
    }

    /**
     * Told, on the decoding threads, where the samples go while they are decoded, so that work on the first ones
     * can start before the last are decoded.
     */
    public interface Progress {
        /**
         * The samples go into {@code target}, as long as the file says it is, from index 0 up; the decoded audio's
         * samples are this very array if the file holds that many, else another one.
         */
        void target(float[] target);

        /** The first {@code count} samples of the target are written and final. */
        void written(int count);
    }

    /** As {@link #decode(Path, int)}, telling {@code progress} (may be null) how far the output is written. */
    public DecodedAudio decode(Path file, int threads, Progress progress) throws AudioDecodeException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        checkReadable(file);
        if (isMidi(file)) {
            throw new AudioDecodeException(file, "is a MIDI file; open it with the MIDI importer, not audio analysis");
        }
        Container container = Container.of(file);
        // codec libraries print diagnostics to System.out/err on damaged input: keep them off the console
        return LibraryChatter.quietly(() -> decode(file, container, threads, progress));
    }

    private DecodedAudio decode(Path file, Container container, int threads, Progress progress)
            throws AudioDecodeException {
        AudioInputStream source;
        try {
            source = container == Container.FLAC ? FlacPcmStream.open(file)
                    : AudioSystem.getAudioInputStream(new File(file.toString()));
        } catch (UnsupportedAudioFileException e) {
            if (container == Container.UNKNOWN) {
                throw new AudioDecodeException(file,
                        "not a supported audio file (WAV, AIFF, AU, MP3, OGG Vorbis or FLAC expected)", e);
            }
            if (!Container.recognisedByContent(file)) {
                // only the name says what it is
                throw new AudioDecodeException(file, "not " + container.article + " file, or a damaged one (no "
                        + container.codec + " header found)", e);
            }
            throw damagedHeader(file, container, e);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a codec allocates what a header declares (JOrbis a comment array as long as a damaged count says): that
            // one request fails, nothing else was taken from the heap, and the file is as damaged as any other
            throw damagedHeader(file, container, e);
        }
        try {
            return decodeStream(file, source, container, threads, progress);
        } finally {
            try {
                source.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> file + ": close failed", e);
            }
        }
    }

    private static AudioDecodeException damagedHeader(Path file, Container container, Throwable e) {
        LOG.log(System.Logger.Level.DEBUG, () -> file + ": header not readable", e);
        String what = container == Container.UNKNOWN ? "its header" : "the " + container.codec + " header";
        return new AudioDecodeException(file, "the file is damaged (" + what + " cannot be read)", e);
    }

    /** What the first bytes (or, failing that, the name) say the file is; only used to word messages. */
    enum Container {
        WAV("WAV", "a WAV"), AIFF("AIFF", "an AIFF"), AU("AU", "an AU"), MP3("MP3", "an MP3"),
        OGG("Vorbis", "an Ogg Vorbis"), FLAC("FLAC", "a FLAC"), UNKNOWN("audio", "an audio");

        final String codec;
        final String article;

        Container(String codec, String article) {
            this.codec = codec;
            this.article = article;
        }

        static boolean recognisedByContent(Path file) {
            return byContent(file) != UNKNOWN;
        }

        static Container of(Path file) {
            Container c = byContent(file);
            if (c != UNKNOWN) {
                return c;
            }
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            return switch (dot < 0 ? "" : name.substring(dot + 1)) {
                case "wav", "wave" -> WAV;
                case "aif", "aiff", "aifc" -> AIFF;
                case "au", "snd" -> AU;
                case "mp3" -> MP3;
                case "ogg", "oga" -> OGG;
                case "flac" -> FLAC;
                default -> UNKNOWN;
            };
        }

        private static Container byContent(Path file) {
            byte[] h;
            try (InputStream in = Files.newInputStream(file)) {
                h = in.readNBytes(12);
            } catch (IOException e) {
                h = new byte[0];
            }
            if (starts(h, "fLaC")) {
                return FLAC;
            }
            if (starts(h, "RIFF") || starts(h, "RIFX") || starts(h, "RF64")) {
                return WAV;
            }
            if (starts(h, "FORM")) {
                return AIFF;
            }
            if (starts(h, ".snd")) {
                return AU;
            }
            if (starts(h, "OggS")) {
                return OGG;
            }
            if (starts(h, "ID3") || h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0) {
                return MP3;
            }
            return UNKNOWN;
        }

        private static boolean starts(byte[] h, String magic) {
            if (h.length < magic.length()) {
                return false;
            }
            for (int i = 0; i < magic.length(); i++) {
                if (h[i] != magic.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private DecodedAudio decodeStream(Path file, AudioInputStream source, Container container, int threads,
            Progress progress) throws AudioDecodeException {
        AudioFormat srcFormat = source.getFormat();
        int channels = srcFormat.getChannels();
        float rate = srcFormat.getSampleRate();
        if (channels <= 0 || channels > 64) {
            throw new AudioDecodeException(file, "the file is damaged (the " + container.codec
                    + " header gives an unusable channel count, " + channels + ")");
        }
        if (!(rate >= 1000 && rate <= 768_000)) {
            throw new AudioDecodeException(file, "the file is damaged (the " + container.codec
                    + " header gives an unusable sample rate, " + rate + " Hz)");
        }
        String description = container == Container.FLAC ? "FLAC " + srcFormat.getSampleSizeInBits() + "-bit"
                : describe(srcFormat);
        AudioInputStream pcm = toPcm(file, source, srcFormat);
        AudioFormat f = pcm.getFormat();
        int bytesPerSample = (f.getSampleSizeInBits() + 7) / 8;
        int frameSize = bytesPerSample * channels;
        if (f.getFrameSize() != frameSize) {
            throw new AudioDecodeException(file, "unsupported sample layout (" + f + ")");
        }
        SampleUnpacker unpack = new SampleUnpacker(f);
        // AIFF stores the rate as an 80-bit float: round a near-integer rate rather than refuse it
        // with two threads or more the filtering is split over them too (it is most of a WAV's decoding time)
        SincResampler resampler = new SincResampler(Math.round(rate), targetRate, threads);
        long maxOut = (long) Math.ceil(maxSeconds * targetRate);
        // an MP3 decodes with the encoder's delay, the decoder's and the encoder's padding around the music:
        // cut them as gapless players do, so durations and timings match the source
        Mp3Gapless gapless = container == Container.MP3 ? Mp3Gapless.of(file) : new Mp3Gapless(0, -1);
        long skip = gapless.skip();
        long keepEnd = gapless.keep() < 0 ? Long.MAX_VALUE : skip + gapless.keep();
        long declared = gapless.keep() > 0 ? gapless.keep()
                : pcm.getFrameLength() > 0 ? pcm.getFrameLength() : source.getFrameLength();
        // trust a declared length only as far as the file could hold it (16:1 covers lossless codecs, 64:1 MP3 and
        // Vorbis at their lowest bit rates), so a lying header cannot make a tiny file allocate 160 MB
        boolean lossy = container == Container.MP3 || container == Container.OGG;
        long room = (lossy ? 64 : 16) * fileSize(file) + (1 << 20);
        boolean plausible = declared > 0 && declared * frameSize <= room;
        long expected = plausible ? resampler.outputLength(declared) : -1;
        // an MP3's Info header counts the frames its encoder wrote (the length gapless players show): a file that
        // decodes fewer is cut short, however much of it is missing
        boolean cutIfShorter = plausible || (gapless.keep() > 0 && gapless.keep() <= maxSeconds * rate);
        // an Ogg file tells its length only on its last page: where the samples go, so that the analysis can start
        // on them, but no promise (a mismatch only costs that head start)
        OggLength ogg = container == Container.OGG && declared <= 0 ? OggLength.of(file) : OggLength.UNKNOWN;
        if (ogg.frames() > 0 && ogg.frames() * frameSize <= room) {
            expected = resampler.outputLength(ogg.frames());
        }
        FloatAccumulator out = new FloatAccumulator(maxOut, expected > 0 && expected <= maxOut ? (int) expected : -1,
                progress);
        byte[] bytes = new byte[BLOCK_FRAMES * frameSize];
        int pending = 0;
        int emptyReads = 0;
        long decodedFrames = 0;
        long frames = 0;
        Throwable damage = null;
        try (Resampling resampling = threads > 1 ? new Resampling.Beside(resampler, out)
                : new Resampling.Inline(resampler, out)) {
            try {
                while (decodedFrames < keepEnd) {
                    if (Thread.currentThread().isInterrupted()) {
                        // the analysis waiting for these samples was cancelled
                        throw new CancellationException("decoding of " + file.getFileName() + " cancelled");
                    }
                    int n = pcm.read(bytes, pending, bytes.length - pending);
                    if (n < 0) {
                        break;
                    }
                    if (n == 0) {
                        if (++emptyReads > MAX_EMPTY_READS) {
                            damage = new IOException("the decoder stopped making progress");
                            break;
                        }
                        continue;
                    }
                    emptyReads = 0;
                    int total = pending + n;
                    int whole = total / frameSize;
                    long lo = Math.max(decodedFrames, skip);
                    long hi = Math.min(decodedFrames + whole, keepEnd);
                    if (hi > lo) {
                        int count = (int) (hi - lo);
                        float[] mono = resampling.buffer();
                        unpack.toMono(bytes, (int) (lo - decodedFrames) * frameSize, count, channels, mono);
                        frames += count;
                        resampling.process(mono, count);
                    }
                    decodedFrames += whole;
                    if (resampling.overflowed()) {
                        throw tooLong(file);
                    }
                    pending = total - whole * frameSize;
                    System.arraycopy(bytes, whole * frameSize, bytes, 0, pending);
                }
            } catch (CancellationException e) {
                throw e;
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // codecs signal corrupt data with IOExceptions and unchecked exceptions (ArrayIndexOutOfBounds and
                // friends): keep what decoded before the damage, as media players do
                damage = e;
            }
            resampling.finish();
        }
        if (damage != null) {
            Throwable cause = damage;
            LOG.log(System.Logger.Level.DEBUG, () -> file + ": decoding stopped (" + ErrorMessages.withType(cause) + ")", cause);
        }
        if (out.overflowed()) {
            throw tooLong(file);
        }
        double decodedSec = frames / (double) rate;
        if (frames == 0) {
            if (damage != null) {
                throw new AudioDecodeException(file, "the file is damaged (its " + container.codec
                        + " audio cannot be decoded)", damage);
            }
            throw new AudioDecodeException(file, cutIfShorter ? "the file is cut short (it holds no audio samples)"
                    : "contains no audio samples (zero length)");
        }
        float[] samples = out.toArray();
        String note = null;
        if (damage != null) {
            note = String.format(Locale.ROOT, "analysed the first %.1f s; the rest is damaged", decodedSec);
        } else if (cutIfShorter && frames + rate * 0.05 < declared) {
            note = String.format(Locale.ROOT, "analysed the first %.1f s of %.1f s; the file is cut short",
                    decodedSec, declared / (double) rate);
        } else if (ogg.frames() > 0 && !ogg.ended()) {
            note = String.format(Locale.ROOT, "analysed the first %.1f s; the file is cut short (its last page is missing)",
                    decodedSec);
        }
        checkContent(file, samples, note != null, allowSilence);
        return new DecodedAudio(samples, targetRate, rate, channels, description, note);
    }

    private AudioDecodeException tooLong(Path file) {
        return new AudioDecodeException(file, String.format(Locale.ROOT,
                "longer than the %.0f-minute limit for analysis", maxSeconds / 60));
    }

    private static AudioInputStream toPcm(Path file, AudioInputStream source, AudioFormat src)
            throws AudioDecodeException {
        AudioFormat.Encoding enc = src.getEncoding();
        int bits = src.getSampleSizeInBits();
        boolean plainPcm = (enc.equals(AudioFormat.Encoding.PCM_SIGNED) || enc.equals(AudioFormat.Encoding.PCM_UNSIGNED))
                && bits >= 8 && bits <= 32 && bits % 8 == 0;
        boolean floatPcm = enc.equals(AudioFormat.Encoding.PCM_FLOAT) && (bits == 32 || bits == 64);
        if (plainPcm || floatPcm) {
            return source;
        }
        // compressed (MP3, Vorbis, FLAC, mu-law...): ask the codec for signed PCM at its own depth when it
        // has one (24-bit FLAC must come out as 24-bit), else 16-bit
        int targetBits = bits == 24 || bits == 32 ? bits : 16;
        List<AudioFormat> tries = new ArrayList<>();
        tries.add(new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, src.getSampleRate(), targetBits,
                src.getChannels(), src.getChannels() * targetBits / 8, src.getSampleRate(), false));
        if (targetBits != 16) {
            tries.add(new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, src.getSampleRate(), 16,
                    src.getChannels(), src.getChannels() * 2, src.getSampleRate(), false));
        }
        for (AudioFormat target : tries) {
            try {
                if (AudioSystem.isConversionSupported(target, src)) {
                    return AudioSystem.getAudioInputStream(target, source);
                }
            } catch (IllegalArgumentException e) {
                // try the next format
            }
        }
        throw new AudioDecodeException(file, "unsupported codec " + describe(src));
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void checkReadable(Path file) throws AudioDecodeException {
        try {
            if (Files.isDirectory(file)) {
                throw new AudioDecodeException(file, "is a folder, not an audio file");
            }
            if (Files.size(file) == 0) {
                throw new AudioDecodeException(file, "empty file");
            }
            if (!Files.isReadable(file)) {
                throw new AudioDecodeException(file, "cannot be read (permission denied)");
            }
        } catch (NoSuchFileException e) {
            throw new AudioDecodeException(file, "no such file");
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot be read ("
                    + (e.getMessage() == null ? "input/output error" : e.getMessage()) + ")", e);
        }
    }

    private static void checkContent(Path file, float[] samples, boolean damaged, boolean allowSilence)
            throws AudioDecodeException {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float s : samples) {
            if (!Float.isFinite(s)) {
                throw new AudioDecodeException(file, "the file is damaged (it holds invalid, non-finite samples)");
            }
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        if (max - min < MIN_PEAK_TO_PEAK && damaged && !allowSilence) {
            throw new AudioDecodeException(file, "the file is damaged (nothing audible decoded before the damage)");
        }
        if (max - min < MIN_PEAK_TO_PEAK && !allowSilence) {
            throw new AudioDecodeException(file, Math.max(Math.abs(min), Math.abs(max)) < MIN_PEAK_TO_PEAK
                    ? "is silent (nothing above -80 dBFS)"
                    : "holds only a constant (DC) level, no sound to analyse");
        }
    }

    private static String describe(AudioFormat f) {
        String enc = f.getEncoding().toString();
        int bits = f.getSampleSizeInBits();
        return bits > 0 ? enc + " " + bits + "-bit" : enc;
    }

    /** Converts interleaved PCM bytes to mono floats (the mean of the channels, as librosa's to_mono). */
    private static final class SampleUnpacker {
        /** A little-endian 16-bit sample at any byte offset of a byte array. */
        private static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
                ByteOrder.LITTLE_ENDIAN);
        private final int bytes;
        private final boolean bigEndian;
        private final boolean unsigned;
        private final boolean floating;
        private final double scale;

        SampleUnpacker(AudioFormat f) {
            bytes = (f.getSampleSizeInBits() + 7) / 8;
            bigEndian = f.isBigEndian();
            unsigned = f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
            floating = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
            scale = 1.0 / Math.pow(2, f.getSampleSizeInBits() - 1);
        }

        void toMono(byte[] b, int offset, int frames, int channels, float[] out) {
            int p = offset;
            if (bytes == 2 && !bigEndian && !unsigned && !floating) {
                // 16-bit little-endian, by far the commonest: the same values as sample(), without its loops
                // mono and stereo, the commonest: each sample read whole (one load, not two bytes), and the sum in
                // integers: (left + right) / 2^16 and left / 2^15 are exact in float32, so these are the values of
                // the double sums below
                if (channels == 2) {
                    for (int i = 0; i < frames; i++) {
                        int left = (short) LE_SHORT.get(b, p + 4 * i);
                        int right = (short) LE_SHORT.get(b, p + 4 * i + 2);
                        out[i] = (left + right) * 0x1p-16f;
                    }
                    return;
                }
                if (channels == 1) {
                    for (int i = 0; i < frames; i++) {
                        out[i] = (short) LE_SHORT.get(b, p + 2 * i) * 0x1p-15f;
                    }
                    return;
                }
                for (int i = 0; i < frames; i++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += (short) ((b[p] & 0xFF) | (b[p + 1] << 8)) * scale;
                        p += 2;
                    }
                    out[i] = (float) (sum / channels);
                }
                return;
            }
            for (int i = 0; i < frames; i++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += sample(b, p);
                    p += bytes;
                }
                out[i] = (float) (sum / channels);
            }
        }

        private double sample(byte[] b, int p) {
            long v = 0;
            if (bigEndian) {
                for (int k = 0; k < bytes; k++) {
                    v = (v << 8) | (b[p + k] & 0xFF);
                }
            } else {
                for (int k = bytes - 1; k >= 0; k--) {
                    v = (v << 8) | (b[p + k] & 0xFF);
                }
            }
            if (floating) {
                double d = bytes == 4 ? Float.intBitsToFloat((int) v) : Double.longBitsToDouble(v);
                return Double.isFinite(d) ? Math.max(-1.0, Math.min(1.0, d)) : 0.0;
            }
            int bits = bytes * 8;
            if (unsigned) {
                v -= 1L << (bits - 1);
            } else if (bits < 64) {
                v = (v << (64 - bits)) >> (64 - bits);
            }
            return v * scale;
        }
    }

    /**
     * The resampler and the output, fed block by block in the codec's order: {@link Inline} on the calling
     * thread, {@link Beside} on a second one while the first decodes and mixes the next blocks. The resampler's
     * output depends on its input alone, not on how it was cut into blocks, so the samples are the same bit for bit.
     */
    private sealed interface Resampling extends AutoCloseable permits Resampling.Inline, Resampling.Beside {

        /** An array of {@link #BLOCK_FRAMES} floats to fill with the next block. */
        float[] buffer();

        /** Resamples the first {@code count} samples of a {@link #buffer()} (which is then no longer the caller's). */
        void process(float[] block, int count);

        /** True once the output passed its cap (the caller stops reading). */
        boolean overflowed();

        /** Resamples everything handed over and flushes the resampler's tail into the output. */
        void finish();

        /** Stops the second thread if {@link #finish} was not reached (an exception, a cancellation). */
        @Override
        void close();

        final class Inline implements Resampling {
            private final SincResampler resampler;
            private final FloatAccumulator out;
            private final float[] block = new float[BLOCK_FRAMES];

            Inline(SincResampler resampler, FloatAccumulator out) {
                this.resampler = resampler;
                this.out = out;
            }

            @Override
            public float[] buffer() {
                return block;
            }

            @Override
            public void process(float[] samples, int count) {
                resampler.process(samples, count, out);
            }

            @Override
            public boolean overflowed() {
                return out.overflowed();
            }

            @Override
            public void finish() {
                resampler.finish(out);
            }

            @Override
            public void close() {
                // nothing runs elsewhere
            }
        }

        final class Beside implements Resampling {
            /** Blocks in flight: enough to ride out the codec's uneven pace, few enough to stay in cache. */
            private static final int BLOCKS = 4;
            private static final int END = -1;

            private record Block(float[] samples, int count) {
            }

            private final SincResampler resampler;
            private final FloatAccumulator out;
            private final BlockingQueue<Block> full = new LinkedBlockingQueue<>();
            private final BlockingQueue<float[]> free = new ArrayBlockingQueue<>(BLOCKS);
            private final Future<?> worker;
            private volatile boolean overflow;
            private boolean finished;

            Beside(SincResampler resampler, FloatAccumulator out) {
                this.resampler = resampler;
                this.out = out;
                for (int i = 0; i < BLOCKS; i++) {
                    free.add(new float[BLOCK_FRAMES]);
                }
                worker = Parallel.submit(this::drain);
            }

            private Void drain() throws InterruptedException {
                while (true) {
                    Block b = full.take();
                    if (b.count() == END) {
                        return null;
                    }
                    if (!overflow) {
                        resampler.process(b.samples(), b.count(), out);
                        overflow = out.overflowed();
                    }
                    free.add(b.samples());
                }
            }

            @Override
            public float[] buffer() {
                while (true) {
                    float[] b = await(() -> free.poll(20, TimeUnit.MILLISECONDS));
                    if (b != null) {
                        return b;
                    }
                    if (worker.isDone()) {
                        rethrowFailure();
                    }
                }
            }

            @Override
            public void process(float[] samples, int count) {
                full.add(new Block(samples, count));
            }

            @Override
            public boolean overflowed() {
                return overflow;
            }

            @Override
            public void finish() {
                full.add(new Block(null, END));
                await(() -> {
                    worker.get();
                    return null;
                });
                finished = true;
                // the worker is done: its writes to the resampler and the output happened before get() returned
                resampler.finish(out);
            }

            private void rethrowFailure() {
                await(() -> worker.get());
                throw new IllegalStateException("the resampling thread stopped early");
            }

            @Override
            public void close() {
                if (!finished) {
                    worker.cancel(true);
                }
            }

            /** Waits for {@code wait}; an interruption cancels the decoding, a failure of the worker is rethrown. */
            private static <T> T await(Callable<T> wait) {
                try {
                    return wait.call();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("decoding interrupted");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * Output with a hard cap, so an endless or mislabelled stream cannot exhaust memory. When the header
     * declares the length, samples go straight into one array of that size (no copy at the end, so a
     * 10-minute file needs its 53 MB once, not twice); otherwise, or past the declared length, into chunks.
     */
    private static final class FloatAccumulator implements SincResampler.Sink {
        private static final int CHUNK = 1 << 18;
        private final long cap;
        private float[] exact;
        private final List<float[]> chunks = new ArrayList<>();
        private long size;
        private boolean overflow;

        private final Progress progress;

        FloatAccumulator(long cap, int expected, Progress progress) {
            this.cap = cap;
            this.exact = expected > 0 ? new float[expected] : null;
            this.progress = progress;
            if (exact != null && progress != null) {
                progress.target(exact);
            }
        }

        @Override
        public void accept(float[] block, int length) {
            if (overflow) {
                return;
            }
            if (size + length > cap) {
                overflow = true;
                chunks.clear();
                exact = null;
                return;
            }
            if (exact != null) {
                if (size + length <= exact.length) {
                    System.arraycopy(block, 0, exact, (int) size, length);
                    size += length;
                    if (progress != null) {
                        progress.written((int) size);
                    }
                    return;
                }
                // longer than declared: move to chunks
                long kept = size;
                size = 0;
                float[] old = exact;
                exact = null;
                append(old, (int) kept);
            }
            append(block, length);
        }

        private void append(float[] block, int length) {
            int off = 0;
            while (off < length) {
                int inChunk = (int) (size % CHUNK);
                if (inChunk == 0) {
                    chunks.add(new float[CHUNK]);
                }
                float[] c = chunks.get(chunks.size() - 1);
                int n = Math.min(length - off, CHUNK - inChunk);
                System.arraycopy(block, off, c, inChunk, n);
                off += n;
                size += n;
            }
        }

        boolean overflowed() {
            return overflow;
        }

        float[] toArray() {
            if (exact != null) {
                float[] a = size == exact.length ? exact : Arrays.copyOf(exact, (int) size);
                exact = null;
                return a;
            }
            float[] all = new float[(int) size];
            long pos = 0;
            for (float[] c : chunks) {
                int n = (int) Math.min(CHUNK, size - pos);
                System.arraycopy(c, 0, all, (int) pos, n);
                pos += n;
            }
            chunks.clear();
            return all;
        }
    }
}
