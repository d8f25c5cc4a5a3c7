package dev.layerhost.core;

/**
 * Names as a terminal may show them: file names hold any byte but {@code /} and NUL, and module names
 * read from a {@code module-info.class} or an {@code Automatic-Module-Name} hold characters javac never
 * writes, so a plugin root could otherwise move the cursor, clear the screen, retitle the window, reorder
 * a line (bidi overrides) or forge a line of its own in what layerhost prints.
 *
 * <p>{@link #escape} writes every character that is not plainly visible as an escape: <code>&#92;n</code>,
 * <code>&#92;r</code>, <code>&#92;t</code>; other ASCII controls and DEL as <code>&#92;xHH</code> (ESC is
 * <code>&#92;x1b</code>); any other such code point as <code>&#92;uHHHH</code>, or
 * <code>&#92;UHHHHHHHH</code> beyond the BMP; the style of the core's {@code source} names, which show a
 * byte that is not UTF-8 as <code>&#92;xNN</code>. A backslash is shown as it is, as there: a name that
 * spells an escape reads like the character it spells (JSON tells them apart), but cannot act on the
 * terminal either.
 *
 * <p>The {@code layerhost} command prints every name and message through it; a host application that
 * shows plugin ids, entry names, diagnostics' messages or plugin code's exception messages on a terminal
 * should do the same.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * {@code text} with every control, format (such as U+202E, the right-to-left override), line or
     * paragraph separator, space other than U+0020, unassigned or otherwise invisible (default-ignorable)
     * code point and every unpaired surrogate escaped. Text without those is returned as it is:
     * {@code escape("p.alpha")} is {@code p.alpha}; the name {@code a}, ESC, {@code [2J} gives
     * <code>a&#92;x1b[2J</code>.
     *
     * @param text any text
     * @return the text, safe to print on a line of its own
     */
    public static String escape(String text) {
        if (text.codePoints().noneMatch(VisibleText::isHidden)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> append(escaped, codePoint));
        return escaped.toString();
    }

    private static void append(StringBuilder escaped, int codePoint) {
        switch (codePoint) {
            case '\n' -> escaped.append("\\n");
            case '\r' -> escaped.append("\\r");
            case '\t' -> escaped.append("\\t");
            default -> {
                if (!isHidden(codePoint)) {
                    escaped.appendCodePoint(codePoint);
                } else if (codePoint < 0x80) {
                    escaped.append(String.format("\\x%02x", codePoint));
                } else if (codePoint <= 0xFFFF) {
                    escaped.append(String.format("\\u%04x", codePoint));
                } else {
                    escaped.append(String.format("\\U%08x", codePoint));
                }
            }
        }
    }

    /**
     * Whether a terminal could act on {@code codePoint} or show it as nothing, or as a mere space.
     *
     * @param codePoint a Unicode code point
     * @return whether {@link #escape} writes it as an escape
     */
    public static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> true;
            case Character.SPACE_SEPARATOR -> codePoint != ' ';
            default -> isDefaultIgnorable(codePoint);
        };
    }

    /**
     * The code points of Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) that are
     * neither format characters nor unassigned: fillers and selectors that render as nothing.
     */
    private static boolean isDefaultIgnorable(int codePoint) {
        return codePoint == 0x034F                              // combining grapheme joiner
                || codePoint == 0x115F || codePoint == 0x1160   // Hangul choseong and jungseong fillers
                || codePoint == 0x17B4 || codePoint == 0x17B5   // Khmer inherent vowels
                || codePoint >= 0x180B && codePoint <= 0x180F   // Mongolian variation selectors
                || codePoint == 0x3164 || codePoint == 0xFFA0   // Hangul fillers
                || codePoint >= 0xFE00 && codePoint <= 0xFE0F   // variation selectors
                || codePoint >= 0xE0100 && codePoint <= 0xE01EF; // variation selectors supplement
    }
}
