package p.warehouse;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;
import p.csv.format.CsvFormat;

/**
 * Stock levels of a (built-in, fictional) warehouse: {@code warehouse:stock} lists every item,
 * {@code warehouse:reorder} only those below their reorder level. The data is CSV, read with the
 * parser that plugin {@code p.csv} exports: this plugin requires that plugin, so the host makes
 * p.csv's layer a parent of this one.
 */
public final class WarehouseSource implements DataSource {

    private static final String STOCK = """
            sku;item;on_hand;reorder_level;bin
            A-100;Hex bolt M8;1200;500;"R1;S2"
            A-101;Washer 8 mm;310;400;R1-S3
            B-220;Cable tie 200 mm;75;100;R4-S1
            C-031;Pallet wrap;18;10;R9-S9
            """;

    private final CsvFormat format = CsvFormat.of(';');

    @Override
    public String name() {
        return "warehouse";
    }

    @Override
    public List<String> schemes() {
        return List.of("warehouse");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        List<Map<String, Object>> stock = format.records(STOCK, Integer.MAX_VALUE);
        return switch (location) {
            case "warehouse:stock" -> stock.stream().limit(limit).toList();
            case "warehouse:reorder" -> stock.stream()
                    .filter(item -> (Long) item.get("on_hand") < (Long) item.get("reorder_level"))
                    .limit(limit)
                    .toList();
            default -> throw new IllegalArgumentException(
                    "Unknown location " + location + "; try warehouse:stock or warehouse:reorder");
        };
    }
}
