package dev.layerhost.docs;

import com.example.host.Lifecycle;
import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's what-if snippet ({@link Lifecycle#safeToInstall}), run over real plugins with the host a
 * named module ({@link HostModule}).
 */
class WhatIfSnippetTest {

    private static final DataSourcePlugins PLUGINS = DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));

    @Test
    void aNewMajorThatBreaksADependentIsNotSafe(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("plugins");
        PLUGINS.plugin("p.base", "1.0.0").build(root.resolve("base.jar"));
        PLUGINS.plugin("p.report", "1.0.0").requires("p.base").compiledAgainst("p.base", "1.0.0")
                .build(root.resolve("report.jar"));
        Path major = PLUGINS.plugin("p.base", "2.0.0").build(temp.resolve("build/base-2.jar"));
        Path minor = PLUGINS.plugin("p.base", "1.1.0").build(temp.resolve("build/base-1.1.jar"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        Method safeToInstall = HostModule.load(Lifecycle.class)
                .getMethod("safeToInstall", Path.class, Path.class, PrintStream.class);

        assertFalse((boolean) safeToInstall.invoke(null, root, major, print));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("base-2.jar OK, replaces [base.jar]\nreport.jar OK -> REJECTED\n"
                + "    VERSION_CONFLICT: "), printed);

        out.reset();
        assertTrue((boolean) safeToInstall.invoke(null, root, minor, print));
        assertEquals("base-1.1.jar OK, replaces [base.jar]\n", out.toString(StandardCharsets.UTF_8));
    }
}
