package split.library;

import split.internal.Text;

public final class Greeting {
    private Greeting() {
    }

    public static String of(String name) {
        return Text.join("hello", name);
    }
}
