package dev.layerhost.pluginbuilder;

import java.util.Map;
import java.util.Objects;

/**
 * The source text of one module of a {@link ModuleBatch}: its name, its {@code module-info.java}, and
 * its classes. Immutable.
 *
 * <pre>{@code
 * new ModuleSource("p.alpha", "module p.alpha { requires layerhost.api; }",
 *         Map.of("p.alpha.Alpha", "package p.alpha; public class Alpha {}"));
 * }</pre>
 *
 * @param name the module's name, which {@code moduleInfo} must declare
 * @param moduleInfo the text of {@code module-info.java}
 * @param classes binary class name ({@code p.alpha.Alpha}) to the source text of its file
 */
public record ModuleSource(String name, String moduleInfo, Map<String, String> classes) {

    /** @throws NullPointerException if any component, key or value is null */
    public ModuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(moduleInfo, "moduleInfo");
        classes = Map.copyOf(classes);
    }
}
