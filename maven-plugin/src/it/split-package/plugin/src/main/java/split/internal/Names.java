package split.internal;

public final class Names {
    private Names() {
    }

    public static String of() {
        return "split";
    }
}
