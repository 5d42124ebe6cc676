package org.melodist.analysis.genre;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.melodist.ErrorMessages;

/**
 * The GTZAN feature table as numbers: one row of summary features per clip and its genre. Reads the
 * layout of {@code features_30_sec.csv}: {@code filename,length}, the feature columns, then {@code label}.
 * The identifying columns are dropped because they say nothing about the sound ({@code length} is the
 * same for every clip, and a model must never see a file name).
 */
public final class GenreDataset {

    /** Columns present in the table that are not features. */
    static final List<String> NON_FEATURE_COLUMNS = List.of("filename", "length", "label");
    /** Guards against a wrong file being read into memory whole. */
    private static final long MAX_CSV_BYTES = 64L * 1024 * 1024;

    private final List<String> featureNames;
    private final List<String> genres;
    private final List<String> clipNames;
    private final double[][] features;
    private final int[] genreIndex;

    private GenreDataset(List<String> featureNames, List<String> genres, List<String> clipNames,
            double[][] features, int[] genreIndex) {
        this.featureNames = List.copyOf(featureNames);
        this.genres = List.copyOf(genres);
        this.clipNames = List.copyOf(clipNames);
        this.features = features;
        this.genreIndex = genreIndex;
    }

    /**
     * Reads a GTZAN-style feature CSV. Genres are numbered in alphabetical order, so the numbering does not
     * depend on row order.
     *
     * @throws GenreDataException naming the file, line and reason when the table is unreadable or malformed
     */
    public static GenreDataset read(Path csv) throws GenreDataException {
        try {
            if (Files.isDirectory(csv)) {
                throw new GenreDataException(csv + ": is a folder, expected a CSV file");
            }
            if (!Files.isRegularFile(csv)) {
                throw new GenreDataException(csv + ": no such file");
            }
            if (Files.size(csv) > MAX_CSV_BYTES) {
                throw new GenreDataException(csv + ": too large for a feature table (" + Files.size(csv) + " bytes)");
            }
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                return parse(csv, in);
            }
        } catch (NoSuchFileException e) {
            throw new GenreDataException(csv + ": no such file");
        } catch (IOException e) {
            throw new GenreDataException(csv + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static GenreDataset parse(Path csv, BufferedReader in) throws IOException, GenreDataException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build();
        try (CSVParser parser = format.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = nextOrNull(csv, records, 1);
            if (header == null || isBlank(header)) {
                throw new GenreDataException(csv + ": empty file, expected a header line");
            }
            return parseRows(csv, header.stream().map(String::strip).toList(), parser, records);
        }
    }

    private static GenreDataset parseRows(Path csv, List<String> columns, CSVParser parser,
            Iterator<CSVRecord> records) throws GenreDataException {
        int labelColumn = columns.indexOf("label");
        if (labelColumn < 0) {
            throw new GenreDataException(csv + ": header has no 'label' column");
        }
        int nameColumn = columns.indexOf("filename");
        List<Integer> featureColumns = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!NON_FEATURE_COLUMNS.contains(columns.get(c))) {
                if (columns.get(c).isEmpty() || featureNames.contains(columns.get(c))) {
                    throw new GenreDataException(csv + ": header column " + (c + 1) + " is empty or repeated");
                }
                featureColumns.add(c);
                featureNames.add(columns.get(c));
            }
        }
        if (featureNames.isEmpty()) {
            throw new GenreDataException(csv + ": header has no feature columns");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (true) {
            // a record starts on the line after the one the previous record ended on
            long lineNo = parser.getCurrentLineNumber() + 1;
            CSVRecord cells = nextOrNull(csv, records, lineNo);
            if (cells == null) {
                break;
            }
            if (isBlank(cells)) {
                continue;
            }
            if (cells.size() != columns.size()) {
                throw new GenreDataException(csv + ": line " + lineNo + " has " + cells.size() + " cells, header has "
                        + columns.size());
            }
            double[] row = new double[featureColumns.size()];
            for (int f = 0; f < row.length; f++) {
                String cell = cells.get(featureColumns.get(f)).strip();
                try {
                    row[f] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new GenreDataException(csv + ": line " + lineNo + ", column '" + featureNames.get(f)
                            + "': not a number: '" + cell + "'");
                }
                if (!Double.isFinite(row[f])) {
                    throw new GenreDataException(csv + ": line " + lineNo + ", column '" + featureNames.get(f)
                            + "': not a finite number");
                }
            }
            String label = cells.get(labelColumn).strip();
            if (label.isEmpty()) {
                throw new GenreDataException(csv + ": line " + lineNo + " has an empty label");
            }
            rows.add(row);
            labels.add(label);
            names.add(nameColumn >= 0 ? cells.get(nameColumn).strip() : "row" + lineNo);
        }
        if (rows.isEmpty()) {
            throw new GenreDataException(csv + ": no data rows");
        }
        List<String> genres = List.copyOf(new TreeSet<>(labels));
        if (genres.size() < 2) {
            throw new GenreDataException(csv + ": needs at least two genres, found " + genres);
        }
        int[] y = labels.stream().mapToInt(genres::indexOf).toArray();
        return new GenreDataset(featureNames, genres, names, rows.toArray(new double[0][]), y);
    }

    /** The next record, or null at the end; a malformed one (an unclosed quote) becomes a one-line error. */
    private static CSVRecord nextOrNull(Path csv, Iterator<CSVRecord> records, long lineNo)
            throws GenreDataException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new GenreDataException(csv + ": line " + lineNo + ": not valid CSV ("
                    + ErrorMessages.oneLine(cause) + ")");
        }
    }

    /** A line with nothing but spaces on it. */
    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    /** Builds a data set from rows already in memory (for subsets and callers with their own tables). */
    public static GenreDataset of(List<String> featureNames, List<String> genres, List<String> clipNames,
            double[][] features, int[] genreIndex) {
        if (features.length != genreIndex.length || features.length != clipNames.size()) {
            throw new IllegalArgumentException("rows, labels and clip names differ in count");
        }
        for (double[] row : features) {
            if (row.length != featureNames.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values, expected "
                        + featureNames.size());
            }
        }
        for (int g : genreIndex) {
            if (g < 0 || g >= genres.size()) {
                throw new IllegalArgumentException("genre index " + g + " outside 0.." + (genres.size() - 1));
            }
        }
        double[][] copy = Arrays.stream(features).map(double[]::clone).toArray(double[][]::new);
        return new GenreDataset(featureNames, genres, clipNames, copy, genreIndex.clone());
    }

    /** The rows at {@code indices}, keeping the full genre list so class numbers stay comparable. */
    public GenreDataset subset(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        List<String> names = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]].clone();
            y[i] = genreIndex[indices[i]];
            names.add(clipNames.get(indices[i]));
        }
        return new GenreDataset(featureNames, genres, names, x, y);
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Genre names, alphabetical; a genre's position is its class number. */
    public List<String> genres() {
        return genres;
    }

    public List<String> clipNames() {
        return clipNames;
    }

    public int size() {
        return features.length;
    }

    /** A copy of row {@code i}'s feature values, in {@link #featureNames()} order. */
    public double[] row(int i) {
        return features[i].clone();
    }

    /** Class number of row {@code i}. */
    public int genreOf(int i) {
        return genreIndex[i];
    }

    /** Copies of all rows. */
    public double[][] rows() {
        return Arrays.stream(features).map(double[]::clone).toArray(double[][]::new);
    }

    /** Class numbers of all rows. */
    public int[] genreIndices() {
        return genreIndex.clone();
    }
}
