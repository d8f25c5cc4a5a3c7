package p.base.catalog;

import java.util.Map;
import java.util.TreeMap;
import lib.json.Json;

/** A product catalog; exported for other plugins, and rendered with lib.json. */
public final class Catalog {

    private final Map<String, String> products;

    private Catalog(Map<String, String> products) {
        this.products = Map.copyOf(products);
    }

    /** The built-in catalog. */
    public static Catalog standard() {
        return new Catalog(Map.of("A-100", "Hex bolt M8", "A-101", "Washer 8 mm"));
    }

    /** Product id to name. */
    public Map<String, String> products() {
        return products;
    }

    /** The catalog as one JSON object, keys sorted. */
    public String toJson() {
        return Json.object(new TreeMap<>(products));
    }
}
