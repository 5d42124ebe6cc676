package org.melodist.harmony;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodist.AtomicFiles;
import org.melodist.ErrorMessages;
import org.melodist.RuntimeDefaults;
import org.melodist.generate.NoGradScope;

/**
 * The chord network with its configuration and transition table, in memory: fresh (to train) or loaded from
 * a model folder ({@code config.json}, the parameters, {@code transitions.json}). Loaded weights are only
 * read, so one instance serves concurrent callers; close it to free native memory.
 */
public final class HarmonyModel implements AutoCloseable {

    public static final String CONFIG_FILE = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final HarmonyModelConfig config;
    private final ChordTransitions transitions;
    private final Model model;
    private final HarmonyNet net;

    private HarmonyModel(HarmonyModelConfig config, ChordTransitions transitions) {
        RuntimeDefaults.configureDefaults();
        this.config = config;
        this.transitions = transitions;
        this.model = Model.newInstance("harmony");
        this.net = new HarmonyNet(config);
        model.setBlock(net);
    }

    /** A network with fresh random weights. */
    public static HarmonyModel create(HarmonyModelConfig config, ChordTransitions transitions) {
        HarmonyModel m = new HarmonyModel(config, transitions);
        m.net.initialize(m.model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, BeatGrid.FEATURES));
        return m;
    }

    /** Loads a model folder; every failure names the file and the reason. */
    public static HarmonyModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "harmony model folder not found");
        }
        Path configFile = dir.resolve(CONFIG_FILE);
        HarmonyModelConfig config = readJson(configFile, HarmonyModelConfig.class, "harmony model config");
        Path tableFile = dir.resolve(config.transitions());
        ChordTransitions transitions;
        try {
            transitions = ChordTransitions.fromArray(readJson(tableFile, double[].class, "chord transition table"));
        } catch (IllegalArgumentException e) {
            throw new IOException(tableFile + ": " + e.getMessage(), e);
        }
        Path params = dir.resolve(config.parameters());
        if (!Files.isRegularFile(params)) {
            throw new IOException(params + ": model parameters file is missing");
        }
        HarmonyModel m = create(config, transitions);
        List<Shape> expected = new ArrayList<>();
        for (var p : m.net.getParameters()) {
            expected.add(p.getValue().getArray().getShape());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            m.net.loadParameters(m.model.getNDManager(), new DataInputStream(in));
            int i = 0;
            for (var p : m.net.getParameters()) {
                if (!p.getValue().getArray().getShape().equals(expected.get(i++))) {
                    throw new MalformedModelException("parameter " + p.getKey() + " has shape "
                            + p.getValue().getArray().getShape() + ", config.json implies " + expected.get(i - 1));
                }
            }
        } catch (MalformedModelException | IOException | RuntimeException e) {
            m.close();
            String why = e instanceof EOFException ? "the file ends early" : ErrorMessages.oneLine(e);
            throw new IOException(params + ": corrupt or does not match " + CONFIG_FILE + " (" + why + ")", e);
        }
        return m;
    }

    private static <T> T readJson(Path file, Class<T> type, String what) throws IOException {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IOException(file + ": not a valid " + what + " (" + m + ")", e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new IOException(file + ": " + what + " is missing", e);
            }
            throw new IOException(file + ": cannot be read (" + ErrorMessages.oneLine(e) + ")", e);
        }
    }

    /** Writes parameters, transition table and config into {@code dir}, each atomically. */
    public void save(Path dir, HarmonyModelConfig withConfig) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        net.saveParameters(new DataOutputStream(params));
        AtomicFiles.replace(dir.resolve(withConfig.parameters()), tmp -> Files.write(tmp, params.toByteArray()));
        float[] table = new float[transitions.toArray().length];
        double[] t = transitions.toArray();
        for (int i = 0; i < t.length; i++) table[i] = (float) t[i];
        byte[] tableJson = new ObjectMapper().writeValueAsBytes(table);
        AtomicFiles.replace(dir.resolve(withConfig.transitions()), tmp -> Files.write(tmp, tableJson));
        byte[] configJson = JSON.writeValueAsBytes(withConfig);
        AtomicFiles.replace(dir.resolve(CONFIG_FILE), tmp -> Files.write(tmp, configJson));
    }

    public HarmonyModelConfig config() {
        return config;
    }

    public ChordTransitions transitions() {
        return transitions;
    }

    public long parameterCount() {
        long n = 0;
        for (var p : net.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    /** Per beat, the network's log-probability of each key-relative chord (inference: no dropout, no autograd). */
    public double[][] logPosteriors(BeatGrid grid) {
        int beats = grid.beats();
        float[] x = new float[beats * BeatGrid.FEATURES];
        for (int b = 0; b < beats; b++) {
            System.arraycopy(grid.features()[b], 0, x, b * BeatGrid.FEATURES, BeatGrid.FEATURES);
        }
        float[] out;
        try (NoGradScope noGrad = new NoGradScope(); NDManager m = model.getNDManager().newSubManager()) {
            NDArray input = m.create(x, new Shape(1, beats, BeatGrid.FEATURES));
            NDList logits = net.forward(new ParameterStore(m, false), new NDList(input), false);
            out = logits.singletonOrThrow().logSoftmax(-1).toFloatArray();
        }
        int k = Chord.VOCABULARY;
        double[][] lp = new double[beats][k];
        for (int b = 0; b < beats; b++) {
            for (int c = 0; c < k; c++) {
                lp[b][c] = out[b * k + c];
            }
        }
        return lp;
    }

    Model djlModel() {
        return model;
    }

    HarmonyNet net() {
        return net;
    }

    NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public void close() {
        model.close();
    }
}
