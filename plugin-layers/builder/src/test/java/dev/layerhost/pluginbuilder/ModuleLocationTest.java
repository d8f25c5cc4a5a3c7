package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModuleLocationTest {

    @Test
    void aTypeOfThisModuleIsFoundWhereItsModuleIs() {
        Path location = ModuleLocation.of(PluginJar.class);

        assertTrue(ModuleFinder.of(location).find("layerhost.pluginbuilder").isPresent(),
                location + " holds module layerhost.pluginbuilder");
    }

    @Test
    void aTypeOfALibraryJarIsFoundInThatJar() {
        Path location = ModuleLocation.of(Test.class);

        assertTrue(Files.isRegularFile(location), location + " is a file");
        assertTrue(location.getFileName().toString().startsWith("junit-jupiter-api"), location.toString());
    }

    @Test
    void aPlatformTypeHasNoLocation() {
        var failure = assertThrows(IllegalStateException.class, () -> ModuleLocation.of(String.class));

        assertEquals("cannot locate the classes of java.lang.String (module java.base): it has no code source",
                failure.getMessage());
    }
}
