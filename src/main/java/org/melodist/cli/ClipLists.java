package org.melodist.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.melodist.analysis.genre.GenreDataset;

/**
 * Lists of clip names from a feature table's filename column, one per line, {@code #} starting a comment: the
 * train and test sides of a held-out split, read by {@code evaluate-genre} and {@code train-genre}.
 */
final class ClipLists {

    private ClipLists() {
    }

    /** The table rows named by {@code list}, in its order (a name given twice counts once). */
    static int[] rows(Path list, GenreDataset data, String option) throws IOException {
        if (!Files.isRegularFile(list)) {
            throw new IllegalArgumentException(option + " " + list + ": no such file");
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            rowOf.put(data.clipNames().get(i), i);
        }
        List<Integer> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : Files.readAllLines(list)) {
            String name = raw.replaceAll("#.*", "").strip();
            if (name.isEmpty() || !seen.add(name)) {
                continue;
            }
            Integer row = rowOf.get(name);
            if (row == null) {
                throw new IllegalArgumentException(option + " " + list.getFileName() + ": " + name
                        + " is not a file name in the table");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(option + " " + list.getFileName() + " names no clips");
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Refuses a split whose two lists share a clip. */
    static void requireDisjoint(int[] train, int[] test, GenreDataset data, String trainOption, String testOption) {
        Set<Integer> inTrain = new HashSet<>();
        for (int r : train) {
            inTrain.add(r);
        }
        for (int r : test) {
            if (inTrain.contains(r)) {
                throw new IllegalArgumentException(data.clipNames().get(r) + " is in both the " + trainOption
                        + " and the " + testOption + " list");
            }
        }
    }

    /** The comment lines at the top of {@code list}, without their {@code #}, joined by spaces. */
    static String headerComment(Path list) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String raw : Files.readAllLines(list)) {
            String line = raw.strip();
            if (!line.startsWith("#")) {
                break;
            }
            text.append(text.length() == 0 ? "" : " ").append(line.substring(1).strip());
        }
        return text.toString();
    }
}
