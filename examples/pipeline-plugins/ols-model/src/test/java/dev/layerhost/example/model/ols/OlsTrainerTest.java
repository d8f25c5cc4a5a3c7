package dev.layerhost.example.model.ols;

import dev.layerhost.example.pipeline.api.Model;
import dev.layerhost.example.pipeline.api.Table;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OlsTrainerTest {

    @Test
    void recoversTheCoefficientsOfDataThatIsExactlyLinear() {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double area = 40 + 9 * i;
            double rooms = 1 + (i * 7) % 5;
            rows.add(List.of(area, rooms, 30 + 2.5 * area - 4 * rooms));
        }
        Table table = new Table("houses", List.of("area", "rooms", "price"), rows);

        Model model = new OlsTrainer().fit(table, "price");

        assertEquals(List.of("area", "rooms"), model.features());
        List<Double> predicted = model.predict(table);
        for (int row = 0; row < rows.size(); row++) {
            assertEquals(rows.get(row).get(2), predicted.get(row), 1e-6);
        }
        assertEquals("price = 30.00 + 2.500 * area - 4.000 * rooms (least squares, R-squared 1.000)", model.describe());
    }

    @Test
    void tooFewRowsAreRefusedWithTheTableName() {
        Table table = new Table("tiny", List.of("area", "price"), List.of(List.of(1.0, 2.0), List.of(2.0, 4.0)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new OlsTrainer().fit(table, "price"));
        assertTrue(refused.getMessage().startsWith("table tiny has 2 rows"), refused.getMessage());
    }

    @Test
    void aColumnThatIsACombinationOfOthersIsRefusedNotThrownAsAMathException() {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(List.of((double) i, 2.0 * i, 3.0 * i + (i % 3)));
        }
        Table table = new Table("twins", List.of("a", "twiceA", "y"), rows);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new OlsTrainer().fit(table, "y"));
        assertTrue(refused.getMessage().startsWith("cannot fit y on table twins"), refused.getMessage());
    }
}
