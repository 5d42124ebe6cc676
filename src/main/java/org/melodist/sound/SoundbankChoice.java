package org.melodist.sound;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sound.midi.Soundbank;

import org.melodist.settings.SettingsStore;

/**
 * Decides which soundbank Melodist plays with and remembers the user's pick: the file the user chose
 * (kept in a {@link SettingsStore}), else the first General MIDI SF2 in the usual system folders, else
 * Melodist's {@link BuiltInSoundbank}.
 */
public final class SoundbankChoice {

    public static final String SETTINGS_KEY = "sound.soundbank";
    private static final System.Logger LOG = System.getLogger(SoundbankChoice.class.getName());

    /** A resolved bank; {@code bank} empty means the {@link BuiltInSoundbank}. */
    public record Selection(Optional<Soundbank> bank, Optional<Path> file, String description) {
    }

    private final SettingsStore settings;
    private final List<Path> searchDirs;

    public SoundbankChoice(SettingsStore settings) {
        this(settings, defaultSearchDirs());
    }

    public SoundbankChoice(SettingsStore settings, List<Path> searchDirs) {
        this.settings = settings;
        this.searchDirs = List.copyOf(searchDirs);
    }

    /** Folders where Linux distributions and users keep SF2 sets, in search order. */
    public static List<Path> defaultSearchDirs() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("user.home");
        if (home != null) {
            dirs.add(Path.of(home, ".local", "share", "soundfonts"));
            dirs.add(Path.of(home, ".local", "share", "sounds", "sf2"));
        }
        dirs.add(Path.of("/usr/share/sounds/sf2"));
        dirs.add(Path.of("/usr/share/soundfonts"));
        dirs.add(Path.of("/usr/local/share/soundfonts"));
        dirs.add(Path.of("/usr/share/sounds/dls"));
        return dirs;
    }

    /** Loads {@code file} (rejecting SF3 and broken files) and remembers it as the user's choice. */
    public Selection choose(Path file) throws SoundbankException {
        Path abs = file.toAbsolutePath().normalize();
        Soundbank bank = SoundbankFiles.load(abs);
        settings.put(SETTINGS_KEY, abs.toString());
        return new Selection(Optional.of(bank), Optional.of(abs), describe(bank, abs));
    }

    /** Forgets the user's choice, going back to the automatic search. */
    public void forget() {
        settings.remove(SETTINGS_KEY);
    }

    public Optional<Path> remembered() {
        return settings.get(SETTINGS_KEY).map(Path::of);
    }

    /** The bank to use now; a remembered file that no longer loads is skipped with a warning. */
    public Selection resolve() {
        Optional<Path> chosen = remembered();
        if (chosen.isPresent()) {
            try {
                Soundbank bank = SoundbankFiles.load(chosen.get());
                return new Selection(Optional.of(bank), chosen, describe(bank, chosen.get()));
            } catch (SoundbankException e) {
                LOG.log(System.Logger.Level.WARNING, "the chosen soundbank cannot be used: " + e.getMessage());
            }
        }
        for (Path candidate : systemCandidates()) {
            try {
                Soundbank bank = SoundbankFiles.load(candidate);
                return new Selection(Optional.of(bank), Optional.of(candidate), describe(bank, candidate));
            } catch (SoundbankException e) {
                LOG.log(System.Logger.Level.DEBUG, "skipping soundbank: " + e.getMessage());
            }
        }
        return new Selection(Optional.empty(), Optional.empty(), "Melodist's built-in soundbank (General MIDI)");
    }

    /** SF2 (then DLS) files in the search folders; Debian's default-GM link and FluidR3 first. */
    public List<Path> systemCandidates() {
        List<Path> found = new ArrayList<>();
        for (Path dir : searchDirs) {
            if (!Files.isDirectory(dir)) continue;
            List<Path> inDir = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{sf2,SF2,dls,DLS}")) {
                ds.forEach(inDir::add);
            } catch (IOException e) {
                continue;
            }
            inDir.sort((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b))
                    : a.getFileName().toString().compareTo(b.getFileName().toString()));
            found.addAll(inDir);
        }
        return found;
    }

    private static int rank(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.startsWith("default-gm")) return 0;
        if (n.contains("gm")) return 1;
        if (n.endsWith(".sf2")) return 2;
        return 3;
    }

    private static String describe(Soundbank bank, Path file) {
        String name = bank.getName() == null || bank.getName().isBlank() ? file.getFileName().toString() : bank.getName();
        return name + " (" + file + ")";
    }
}
