import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;

/**
 * Loads DJL's PyTorch engine the way the app does (offline, libtorch from the bundled native jar) and
 * computes one small tensor sum, then says where libtorch was unpacked. prove.sh runs it on the
 * installed runtime with a fresh HOME, which shows that the trimmed runtime has every module DJL needs
 * and that the natives land under the user's home, not in the install folder.
 */
public final class DjlProbe {

    public static void main(String[] args) {
        long start = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray values = manager.arange(1f, 11f);
            float sum = values.sum().getFloat();
            if (sum != 55f) {
                throw new IllegalStateException("libtorch computed 1+...+10 = " + sum);
            }
            System.out.printf("engine %s %s ok (1+...+10 = %.0f) in %d ms; natives cache %s%n",
                    engine.getEngineName(), engine.getVersion(), sum,
                    (System.nanoTime() - start) / 1_000_000, Utils.getEngineCacheDir());
        }
    }
}
