package shared.util;

/** This plugin's own copy of a package that lib.split also has. */
public final class Strings {

    private Strings() {
    }

    public static String trim(String text) {
        return text.strip();
    }
}
