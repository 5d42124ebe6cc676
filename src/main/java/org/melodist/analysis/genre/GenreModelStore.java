package org.melodist.analysis.genre;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.melodist.AtomicFiles;

/**
 * Reads and writes a genre model folder. The classifier itself is a Java-serialised Smile model (Smile's
 * own persistence format); {@value #JSON_FILE} states in plain JSON what it reads and predicts (feature
 * names, genres, standardisation, checksum of the model file) so other tools can use the folder and so a
 * damaged or swapped model file is refused before it is deserialised.
 */
final class GenreModelStore {

    static final String MODEL_FILE = "genre-model.ser";
    static final String JSON_FILE = "genre-model.json";
    static final String CARD_FILE = "MODEL_CARD.md";
    static final int FORMAT = 1;

    /**
     * Only our model classes, Smile and the JDK's own may be deserialised, with bounds on size: the model
     * file is data, and Java serialisation of arbitrary classes is a known way to run code.
     */
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxarray=10000000;maxbytes=268435456;"
                    + "org.melodist.analysis.genre.*;smile.**;java.base/*;!*");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GenreModelStore() {
    }

    static void save(Path dir, GenreModel model, TrainingReport report, Path csv) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        byte[] modelBytes = bytes.toByteArray();
        ObjectNode json = describe(model, report, csv, sha256(modelBytes));
        writeAtomically(dir.resolve(MODEL_FILE), modelBytes);
        writeAtomically(dir.resolve(JSON_FILE), JSON.writeValueAsBytes(json));
        String card = ModelCard.markdown(report, csv, sha256(Files.readAllBytes(csv)), modelBytes.length);
        writeAtomically(dir.resolve(CARD_FILE), card.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode describe(GenreModel model, TrainingReport report, Path csv, String modelSha)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", model.kind().cliName());
        root.put("settings", model.kind().settings());
        root.put("modelFile", MODEL_FILE);
        root.put("modelSha256", modelSha);
        ArrayNode features = root.putArray("features");
        model.featureNames().forEach(features::add);
        ArrayNode genres = root.putArray("genres");
        model.genres().forEach(genres::add);
        ObjectNode scaler = root.putObject("scaler");
        scaler.put("kind", "standard (mean, population standard deviation)");
        ArrayNode means = scaler.putArray("mean");
        for (double m : model.scaler().means()) {
            means.add(m);
        }
        ArrayNode scales = scaler.putArray("scale");
        for (double s : model.scaler().scales()) {
            scales.add(s);
        }
        ObjectNode training = root.putObject("training");
        training.put("csv", csv.getFileName().toString());
        training.put("csvSha256", sha256(Files.readAllBytes(csv)));
        training.put("rows", report.rows());
        training.put("folds", report.folds());
        training.put("seed", report.seed());
        ObjectNode cv = training.putObject("crossValidationAccuracy");
        for (CrossValidationResult r : report.results()) {
            cv.put(r.kind().cliName(), r.accuracy());
        }
        return root;
    }

    static GenreModel load(Path dir) throws GenreModelException {
        Path jsonFile = dir.resolve(JSON_FILE);
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.isDirectory(dir)) {
            throw new GenreModelException("genre model folder " + dir + " does not exist");
        }
        for (Path p : List.of(jsonFile, modelFile)) {
            if (!Files.isRegularFile(p)) {
                throw new GenreModelException("genre model folder " + dir + " has no " + p.getFileName()
                        + " (train one with: melodist train-genre --csv features_30_sec.csv --out " + dir + ")");
            }
        }
        JsonNode json;
        byte[] modelBytes;
        try {
            json = JSON.readTree(jsonFile.toFile());
            modelBytes = Files.readAllBytes(modelFile);
        } catch (IOException e) {
            throw new GenreModelException(jsonFile + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (json == null || json.path("format").asInt(-1) != FORMAT) {
            throw new GenreModelException(jsonFile + ": not a genre model description of format " + FORMAT);
        }
        if (!sha256(modelBytes).equals(json.path("modelSha256").asText())) {
            throw new GenreModelException(modelFile + ": checksum does not match " + JSON_FILE
                    + " (damaged or replaced model file)");
        }
        GenreModel model;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(modelBytes))) {
            in.setObjectInputFilter(FILTER);
            model = (GenreModel) in.readObject();
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new GenreModelException(modelFile + ": not a model this version can read (" + e.getMessage() + ")",
                    e);
        } catch (IOException e) {
            throw new GenreModelException(modelFile + ": cannot read (" + e + ")", e);
        }
        if (!model.featureNames().equals(strings(json.path("features")))
                || !model.genres().equals(strings(json.path("genres")))) {
            throw new GenreModelException(dir + ": " + JSON_FILE + " and " + MODEL_FILE + " disagree on features "
                    + "or genres");
        }
        return model;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        AtomicFiles.replace(target, tmp -> {
            Files.write(tmp, content);
            // Temp files are private; a model folder is meant to be read by every user of an installation.
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
