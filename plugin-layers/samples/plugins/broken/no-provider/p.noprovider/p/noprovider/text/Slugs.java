package p.noprovider.text;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into URL slugs; exported, the only thing this module offers to others. */
public final class Slugs {

    private Slugs() {
    }

    /** {@code "Größe & Maß"} becomes {@code "groe-ma"}: accents dropped, runs of others to one dash. */
    public static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
