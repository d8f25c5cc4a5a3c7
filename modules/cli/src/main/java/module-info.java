/**
 * The {@code layerhost} command: a thin picocli shell over the embedding API of {@code layerhost.core},
 * whose default API is the sample service types of {@code layerhost.api}. It exports nothing.
 */
module layerhost.cli {
    requires layerhost.core;
    requires layerhost.api;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires jdk.unsupported;

    opens dev.layerhost.cli to info.picocli;
}
