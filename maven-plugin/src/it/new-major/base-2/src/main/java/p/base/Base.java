package p.base;

public final class Base {
    private Base() {
    }

    public static int generation() {
        return 2;
    }
}
