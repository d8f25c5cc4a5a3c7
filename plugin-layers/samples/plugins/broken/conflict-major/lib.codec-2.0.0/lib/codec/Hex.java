package lib.codec;

import java.util.HexFormat;

/**
 * lib.codec 2.0.0, bundled in p.major's folder. A major release: {@code Codec} became
 * {@code Hex}, so code compiled against 1.x breaks on it.
 */
public final class Hex {

    private Hex() {
    }

    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
