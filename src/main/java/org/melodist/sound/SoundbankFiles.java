package org.melodist.sound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;

/**
 * Loads SF2 and DLS soundbanks from files and refuses what Gervill would play wrongly: SF3 files
 * (Ogg-compressed samples) load without complaint but sound as noise, so they are rejected by name and
 * by the version in their {@code ifil} chunk.
 */
public final class SoundbankFiles {

    private SoundbankFiles() {
    }

    public static Soundbank load(Path file) throws SoundbankException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new SoundbankException(file + ": soundbank file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SoundbankException(file + ": not a readable file");
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".sf3") || isSf3(file)) {
            throw new SoundbankException(file + ": SF3 (compressed) soundbanks are not supported by Java's synthesizer "
                    + "and would play noise; use an SF2 or DLS file");
        }
        if (!isRiff(file)) {
            throw new SoundbankException(file + ": not an SF2 or DLS soundbank (no RIFF header)");
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(file.toFile());
            if (bank.getInstruments().length == 0) {
                throw new SoundbankException(file + ": the soundbank holds no instruments");
            }
            return bank;
        } catch (InvalidMidiDataException e) {
            throw new SoundbankException(file + ": not an SF2 or DLS soundbank (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SoundbankException(file + (e.getMessage() == null ? ": not an SF2 or DLS soundbank"
                    : ": cannot read (" + e.getMessage() + ")"), e);
        } catch (RuntimeException e) {
            // Gervill's parsers throw unchecked exceptions on truncated or corrupt chunks
            throw new SoundbankException(file + ": corrupt soundbank (" + e + ")", e);
        }
    }

    private static boolean isRiff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && ascii(head, 0).equals("RIFF");
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the RIFF {@code sfbk} file declares version 3 in its INFO/ifil chunk. */
    static boolean isSf3(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            if (head.length < 12 || !ascii(head, 0).equals("RIFF") || !ascii(head, 8).equals("sfbk")) {
                return false;
            }
            for (int i = 12; i + 10 <= head.length; i++) {
                if (head[i] == 'i' && ascii(head, i).equals("ifil")) {
                    return b.getShort(i + 8) == 3;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
