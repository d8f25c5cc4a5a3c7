package lib.twice;

/** A trivial library, built as 1.0.0 and 1.1.0 from this one source. */
public final class Twice {

    private Twice() {
    }

    /** Names the library version that answered. */
    public static String greeting() {
        return "hello from " + Twice.class.getModule().getDescriptor().toNameAndVersion();
    }
}
