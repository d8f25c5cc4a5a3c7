package dev.layerhost.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark runs end to end with tiny counts (roots of 3 and 10 plugins: CI's smoke run) and prints
 * every row and every goal; its figures are not checked.
 */
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
        assertEquals(settings.reloads(), figures.lazyReload().count());
        assertEquals(settings.reloads(), figures.pf4jReload().started().count());
        assertEquals(settings.reloads(), figures.plainLayer().count());
        assertEquals(List.of(3, 10), figures.loads().stream().map(Figures.Load::plugins).toList());
        Figures.Load ten = figures.loads().get(1);
        assertTrue(ten.phases().keySet().containsAll(List.of("scan", "copy", "check", "plan", "define", "instantiate")),
                ten.phases()::toString);
        StringWriter table = new StringWriter();
        new ResultTable(new PrintWriter(table)).print(figures);
        for (String row : new String[] {"1 watch()", "2 layerhost reload(id)", "3 PF4J", "4 plain JPMS",
                "5 10 plugins", "lazy providers", "empty cache folder", "findAll", "phases of one eager load",
                "heap retained", "cost per plugin", "goals (issue 8)", "warm start: discovery of 10", "goals met"}) {
            assertTrue(table.toString().contains(row), () -> row + " missing in\n" + table);
        }
    }

    @Test
    void optionsChangeTheDefaults() {
        Settings settings = Settings.parse(new String[] {"--plugins", "20", "--quiet-period", "100", "--reloads", "7",
                "--sizes", "10,50", "--huge", "2000"});

        assertEquals(20, settings.plugins());
        assertEquals(1000, settings.largeRoot());
        assertEquals(100, settings.quietPeriod().toMillis());
        assertEquals(7, settings.reloads());
        assertEquals(List.of(10, 50), settings.sizes());
        assertEquals(2000, settings.largest());
    }
}
