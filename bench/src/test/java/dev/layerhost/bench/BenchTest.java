package dev.layerhost.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark runs end to end with tiny counts and prints every row; its figures are not checked. */
class BenchTest {

    @TempDir
    Path work;

    @Test
    void tinyRunMeasuresEveryFigureAndPrintsTheTable() {
        Settings settings = Settings.tiny(work);
        StringWriter progress = new StringWriter();

        Figures figures = Bench.run(settings, new PrintWriter(progress, true));

        assertEquals(settings.watchChanges(), figures.watch().count());
        assertEquals(settings.reloads(), figures.reload().count());
        assertEquals(settings.reloads(), figures.pf4jReload().started().count());
        assertEquals(settings.reloads(), figures.plainLayer().count());
        assertEquals(2, figures.loads().size());
        assertEquals(settings.largeRoot(), figures.loads().get(1).plugins());
        StringWriter table = new StringWriter();
        new ResultTable(new PrintWriter(table)).print(figures);
        for (String row : new String[] {"1 watch()", "2 layerhost reload(id)", "3 PF4J", "4 plain JPMS",
                "5 load 3: layerhost load()", "load 6: layerhost load()", "layerhost / plain JPMS"}) {
            assertTrue(table.toString().contains(row), () -> row + " missing in\n" + table);
        }
    }

    @Test
    void optionsChangeTheDefaults() {
        Settings settings = Settings.parse(new String[] {"--plugins", "20", "--quiet-period", "100", "--reloads", "7"});

        assertEquals(20, settings.plugins());
        assertEquals(500, settings.largeRoot());
        assertEquals(100, settings.quietPeriod().toMillis());
        assertEquals(7, settings.reloads());
    }
}
