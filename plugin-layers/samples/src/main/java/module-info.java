/**
 * Builds the sample plugin roots ({@code target/roots/demo}, {@code target/roots/broken}, and
 * {@code target/roots/upgrades}) during the Maven build. Nothing here is API: the module exports nothing,
 * and Maven runs {@link dev.layerhost.samples.SampleRoots} as a program. {@code demo.sh} runs
 * {@link dev.layerhost.samples.SideBySide}, which calls the demo's plugins through the embedding API.
 */
module layerhost.samples {
    requires layerhost.pluginbuilder;
    requires layerhost.core;
    requires layerhost.api;
}
