/**
 * The sample host application: a data-pipeline runner whose data sources, model trainers and exporters
 * are plugins of layerhost. It uses layerhost only through its embedding API ({@code dev.layerhost.core})
 * and names its own module {@code pipeline.api} as the plugins' API. It exports nothing.
 */
module pipeline.app {
    requires layerhost.core;
    requires pipeline.api;
    requires info.picocli;
    // sun.misc.Signal: SIGTERM and SIGINT stop the watch loop, which then closes the host itself
    requires jdk.unsupported;

    opens dev.layerhost.example.pipeline.app to info.picocli;
}
