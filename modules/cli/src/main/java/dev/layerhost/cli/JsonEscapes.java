package dev.layerhost.cli;

import dev.layerhost.core.VisibleText;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON's escapes for what a terminal must not receive raw ({@link VisibleText#isHidden}): JSON itself
 * demands it only below U+0020, so Jackson would write DEL, C1 controls, bidi overrides and the like as
 * they are. Written as <code>&#92;uHHHH</code>, a value stays exact for any JSON reader, and printing the
 * JSON to a terminal stays harmless. Surrogates are written as escapes too (Jackson hands this class one
 * UTF-16 unit at a time), so a character beyond the BMP is a pair of escapes.
 */
final class JsonEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii;

    JsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int unit) {
        return VisibleText.isHidden(unit) ? new SerializedString(String.format("\\u%04X", unit)) : null;
    }
}
