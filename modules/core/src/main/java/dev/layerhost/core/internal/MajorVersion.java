package dev.layerhost.core.internal;

/** The major component of a module version, the part the compiled-version rule compares. */
public final class MajorVersion {

    private MajorVersion() {
    }

    /** What precedes the first '.', '-' or '+' of {@code version}: "2" for "2.3.1-beta". */
    public static String of(String version) {
        int end = 0;
        while (end < version.length() && ".-+".indexOf(version.charAt(end)) < 0) {
            end++;
        }
        return version.substring(0, end);
    }
}
