package p.major;

import dev.layerhost.api.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import lib.codec.Codec;

/**
 * Decodes a hex-encoded message with {@code lib.codec}. Compiled against lib.codec 1.4.0
 * (its {@code Requires.compiledVersion}), but its folder bundles lib.codec 2.0.0, which
 * removed {@code Codec.decodeHex}: a major mismatch, {@code VERSION_CONFLICT}. Loaded anyway,
 * it would fail with {@code NoClassDefFoundError}.
 */
public final class CodecSource implements DataSource {

    private static final String MESSAGE = "68656c6c6f2c206c61796572686f7374";

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("message", new String(Codec.decodeHex(MESSAGE), StandardCharsets.UTF_8)));

    @Override
    public String name() {
        return "codec";
    }

    @Override
    public List<String> schemes() {
        return List.of("codec");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}
