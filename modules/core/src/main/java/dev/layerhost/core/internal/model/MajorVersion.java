package dev.layerhost.core.internal.model;

/** The major component of a module version, the part the compiled-version rule compares. */
public final class MajorVersion {

    private MajorVersion() {
    }

    /**
     * What precedes the first '.', '-' or '+' of {@code version}: "2" for "2.3.1-beta". A number is given
     * without leading zeros, as {@code ModuleDescriptor.Version} compares it: "01.5" has the major "1".
     */
    public static String of(String version) {
        int end = 0;
        while (end < version.length() && ".-+".indexOf(version.charAt(end)) < 0) {
            end++;
        }
        String major = version.substring(0, end);
        if (major.isEmpty() || !major.chars().allMatch(Character::isDigit)) {
            return major;
        }
        String digits = major.replaceFirst("^0+", "");
        return digits.isEmpty() ? "0" : digits;
    }
}
