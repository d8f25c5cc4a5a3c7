/**
 * Builds real plugin jars for tests and samples, with the JDK's own {@code javac} and {@code jar}
 * tools run in-process through {@link java.util.spi.ToolProvider}.
 *
 * <pre>{@code
 * Path jar = PluginJar.builder("p.alpha")
 *     .version("1.2.0")
 *     .requires("layerhost.api")
 *     .provides("dev.layerhost.api.DataSource", "p.alpha.AlphaSource")
 *     .source("p.alpha.AlphaSource", "package p.alpha; public class AlphaSource implements ...")
 *     .modulePath(List.of(apiJar))
 *     .build(tempDir.resolve("alpha.jar"));
 * }</pre>
 *
 * <p>The module needs a JDK at run time (not only a JRE): {@code jdk.compiler} and
 * {@code jdk.jartool} provide the tools. They are found through {@code java.base}'s own
 * {@code uses java.util.spi.ToolProvider}, so this module requires nothing but {@code java.base}.
 */
module layerhost.pluginbuilder {
    exports dev.layerhost.pluginbuilder;
}
