package dev.layerhost.example.source.csv;

import dev.layerhost.example.pipeline.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvSourceTest {

    @TempDir
    Path temp;

    @Test
    void readsTheHeaderAsColumnsAndSkipsCommentsAndBlankLines() throws Exception {
        Path file = Files.writeString(temp.resolve("houses.csv"), "# a comment\narea, price\n\n70,210.5\n 90 , 250\n");
        Table table = new CsvSource().read(file);
        assertEquals("houses", table.name());
        assertEquals(List.of("area", "price"), table.columns());
        assertEquals(List.of(List.of(70.0, 210.5), List.of(90.0, 250.0)), table.rows());
    }

    @Test
    void aFieldThatIsNoNumberNamesTheFileTheLineAndTheColumn() throws Exception {
        Path file = Files.writeString(temp.resolve("houses.csv"), "area,price\n70,210\n90,cheap\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new CsvSource().read(file));
        assertEquals("houses.csv line 3: 'cheap' in column price is not a number", refused.getMessage());
    }

    @Test
    void aRowWithTooFewFieldsNamesItsLine() throws Exception {
        Path file = Files.writeString(temp.resolve("houses.csv"), "area,price\n70\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new CsvSource().read(file));
        assertEquals("houses.csv line 2: 1 fields for 2 columns", refused.getMessage());
    }
}
