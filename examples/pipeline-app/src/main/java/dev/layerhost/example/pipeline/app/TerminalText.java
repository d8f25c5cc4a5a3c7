package dev.layerhost.example.pipeline.app;

/**
 * Text as a terminal may show it. What the application prints quotes names from outside (plugin ids
 * from {@code module-info.class} files, entry names, which may hold any byte but {@code /} and NUL) and
 * messages of plugin code (a diagnostic's cause, a job's failure): a hostile plugin root could otherwise
 * send ESC sequences that move the cursor, retitle the window or forge a line.
 *
 * <p>Escapes are written as layerhost's own command writes them: <code>&#92;n</code>,
 * <code>&#92;r</code>, <code>&#92;t</code>; other ASCII controls and DEL as <code>&#92;xHH</code> (ESC is
 * <code>&#92;x1b</code>); other controls, format characters (the bidi override U+202E), line and
 * paragraph separators, spaces other than U+0020, unassigned code points and unpaired surrogates as
 * <code>&#92;uHHHH</code>, or <code>&#92;UHHHHHHHH</code> beyond the BMP.
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * {@code text} with every code point a terminal could act on, or show as nothing, escaped; text
     * without such code points is returned as it is ({@code escape("p.alpha")} is {@code p.alpha}).
     *
     * @param text any text
     * @return the text, safe to print on a line of its own
     */
    static String escape(String text) {
        if (text.codePoints().noneMatch(TerminalText::isHidden)) {
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

    private static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> true;
            case Character.SPACE_SEPARATOR -> codePoint != ' ';
            default -> false;
        };
    }
}
