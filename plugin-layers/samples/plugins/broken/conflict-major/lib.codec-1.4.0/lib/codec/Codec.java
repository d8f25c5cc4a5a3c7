package lib.codec;

/**
 * lib.codec 1.4.0, the version p.major is compiled against. Only the sample build's compile path
 * holds it ({@code target/compile-only/}); no plugin root does.
 */
public final class Codec {

    private Codec() {
    }

    /** {@code "6869"} becomes the bytes {@code {0x68, 0x69}}. */
    public static byte[] decodeHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("Odd number of hex digits: " + hex.length());
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return bytes;
    }
}
