package shared.util;

import java.util.Locale;

/** lib.split's {@code shared.util}, exported: the other half of the split package. */
public final class Text {

    private Text() {
    }

    public static String shout(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
