package org.melodist.generate;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.melodist.ErrorMessages;
import org.melodist.RuntimeDefaults;

/**
 * A melody network with its configuration, in memory: built from a config (fresh weights) or loaded from
 * a model folder ({@code config.json} + parameters file). Loaded weights are read-only, so one instance
 * serves concurrent generators; close it to free the native memory.
 */
public final class MelodyModel implements AutoCloseable {

    public static final String CONFIG_FILE = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final MelodyModelConfig config;
    private final Model model;
    private final MelodyNet net;

    private MelodyModel(MelodyModelConfig config) {
        RuntimeDefaults.configureDefaults();
        this.config = config;
        this.model = Model.newInstance("melody-lstm");
        this.net = new MelodyNet(config);
        model.setBlock(net);
    }

    /** A network with fresh random weights, ready to train. */
    public static MelodyModel create(MelodyModelConfig config) {
        MelodyModel m = new MelodyModel(config);
        m.net.initialize(m.model.getNDManager(), DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
        return m;
    }

    /** Reads only {@code dir/config.json} (sizes, vocabulary, pitch range); every failure names the file and the reason. */
    public static MelodyModelConfig readConfig(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "melody model folder not found");
        }
        Path configFile = dir.resolve(CONFIG_FILE);
        try {
            return JSON.readValue(configFile.toFile(), MelodyModelConfig.class);
        } catch (JsonProcessingException e) {
            throw new IOException(configFile + ": not a valid melody model config (" + jsonReason(e) + ")", e);
        } catch (IOException e) {
            if (!Files.exists(configFile)) {
                throw new IOException(configFile + ": model config is missing", e);
            }
            throw new IOException(configFile + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Loads {@code dir/config.json} and the parameters it names; every failure names the file and the reason. */
    public static MelodyModel load(Path dir) throws IOException {
        return load(dir, readConfig(dir));
    }

    /**
     * As {@link #load(Path)}, with the network built at dropout rate {@code dropout} instead of the stored one (the
     * weights are the same; dropout acts only while training, so this is for fine-tuning with more or less of it).
     */
    public static MelodyModel load(Path dir, float dropout) throws IOException {
        MelodyModelConfig c = readConfig(dir);
        return load(dir, c.withDropout(dropout));
    }

    private static MelodyModel load(Path dir, MelodyModelConfig config) throws IOException {
        Path params = dir.resolve(config.parameters());
        if (!Files.isRegularFile(params)) {
            throw new IOException(params + ": model parameters file is missing");
        }
        MelodyModel m = create(config);
        List<Shape> expected = new ArrayList<>();
        for (var p : m.net.getParameters()) {
            expected.add(p.getValue().getArray().getShape());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            m.net.loadParameters(m.model.getNDManager(), new DataInputStream(in));
            int i = 0;
            for (var p : m.net.getParameters()) {
                Parameter param = p.getValue();
                if (!param.getArray().getShape().equals(expected.get(i++))) {
                    throw new MalformedModelException("parameter " + param.getName() + " has shape "
                            + param.getArray().getShape() + ", config.json implies " + expected.get(i - 1));
                }
            }
        } catch (MalformedModelException | IOException | RuntimeException e) {
            m.close();
            throw new IOException(params + ": corrupt or does not match " + CONFIG_FILE + " (" + reason(e) + ")", e);
        }
        return m;
    }

    /**
     * A copy of this model that also takes the steps left to the end of the continuation (see {@link MelodyNet}), over
     * {@code horizon} steps, with that input's weights at zero: it writes exactly what this one writes until trained.
     * A model that already has the input is copied as it is.
     */
    public MelodyModel withEndInput(int horizon) {
        MelodyModel m = create(config.endSteps() > 0 ? config : config.withEndHorizon(horizon));
        var from = net.getParameters().values();
        var to = m.net.getParameters().values();
        for (int i = 0; i < from.size(); i++) {
            from.get(i).getArray().copyTo(to.get(i).getArray());
        }
        if (config.endSteps() == 0) {
            m.net.zeroEndEmbedding();
        }
        return m;
    }

    /** Writes the config and parameters into {@code dir}, each file atomically. */
    public void save(Path dir, MelodyModelConfig withConfig) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(withConfig.parameters()), out -> net.saveParameters(new DataOutputStream(out)));
        writeAtomically(dir.resolve(CONFIG_FILE), out -> out.write(JSON.writeValueAsBytes(withConfig)));
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        // a sibling temp file (not createTempFile, whose owner-only permissions would carry over to the model)
        Path tmp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A truncated file ends in an EOFException without a message; say what happened instead of "null". */
    private static String reason(Exception e) {
        return e instanceof java.io.EOFException ? "the file ends early" : ErrorMessages.oneLine(e);
    }

    /** Jackson's messages run long; the location is what helps a user find the fault. */
    private static String jsonReason(JsonProcessingException e) {
        String m = ErrorMessages.firstLine(e.getOriginalMessage());
        int colon = m.indexOf(':');
        String head = colon > 0 ? m.substring(0, colon) : m;
        var loc = e.getLocation();
        return loc == null ? head : head + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    public MelodyModelConfig config() {
        return config;
    }

    public MelodyEncoding encoding() {
        return config.encoding();
    }

    /** Bytes of parameters (float32), for reports. */
    public long parameterCount() {
        long n = 0;
        for (var p : net.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    Model djlModel() {
        return model;
    }

    MelodyNet net() {
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
