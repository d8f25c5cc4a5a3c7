/**
 * The test kit of every layerhost module: builds real plugin jars for tests and samples, with the
 * JDK's own {@code javac} and {@code jar} tools run in-process through
 * {@link java.util.spi.ToolProvider}, and makes the other real things those tests need.
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
 * <ul>
 *   <li>{@link dev.layerhost.pluginbuilder.PluginJar}: one jar of one module, from source text;</li>
 *   <li>{@link dev.layerhost.pluginbuilder.DataSourcePlugins}: the plugin most tests load, a
 *       {@code DataSource} module compiled against the API jar the caller names (found with
 *       {@link dev.layerhost.pluginbuilder.ModuleLocation});</li>
 *   <li>{@link dev.layerhost.pluginbuilder.ModuleBatch}: hundreds of modules in one javac run, a jar
 *       each (built on {@link dev.layerhost.pluginbuilder.BatchCompiler} and
 *       {@link dev.layerhost.pluginbuilder.JarPacker});</li>
 *   <li>{@link dev.layerhost.pluginbuilder.JarTemplate}: thousands of modules as copies of one compiled
 *       jar, its placeholder names replaced in each; {@link dev.layerhost.pluginbuilder.ModuleChains}
 *       writes chains of thousands of plugins or libraries with it;</li>
 *   <li>{@link dev.layerhost.pluginbuilder.SigningKeys}: keys, certificates and trust stores made with
 *       {@code keytool}, to sign jars with {@code jarsigner} ({@link dev.layerhost.pluginbuilder.JdkTool});</li>
 *   <li>{@link dev.layerhost.pluginbuilder.Corruption}: a jar damaged on disk, or changed after signing.</li>
 *   <li>{@link dev.layerhost.pluginbuilder.ZipTampering}: a jar changed byte by byte, below what zip
 *       writers allow: corrupt entry data, a wrong CRC or size, two entries of one name.</li>
 * </ul>
 *
 * <p>The module needs a JDK at run time (not only a JRE): {@code jdk.compiler} and
 * {@code jdk.jartool} provide the tools. They are found through {@code java.base}'s own
 * {@code uses java.util.spi.ToolProvider}, so this module requires nothing but {@code java.base}. It
 * names the host's API in source text only: callers hand in the API jar's location.
 */
module layerhost.pluginbuilder {
    exports dev.layerhost.pluginbuilder;
}
