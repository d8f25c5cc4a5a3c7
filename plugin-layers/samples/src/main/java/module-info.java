/**
 * Builds the sample plugin roots ({@code target/roots/demo}, {@code target/roots/broken}) during the
 * Maven build. Nothing here is API: the module exports nothing, and Maven runs
 * {@link dev.layerhost.samples.SampleRoots} as a program.
 */
module layerhost.samples {
    requires layerhost.pluginbuilder;
}
