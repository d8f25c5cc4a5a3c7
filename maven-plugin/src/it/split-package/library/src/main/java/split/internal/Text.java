package split.internal;

public final class Text {
    private Text() {
    }

    public static String join(String first, String second) {
        return first + ", " + second;
    }
}
