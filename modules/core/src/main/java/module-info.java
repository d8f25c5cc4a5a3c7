/**
 * The layerhost core: discovers plugins in a plugin root, checks them from their module descriptors
 * alone, and loads each sound plugin into a {@link java.lang.ModuleLayer} of its own.
 *
 * <p>Only {@code dev.layerhost.core}, the embedding API, is exported; discovery, the resolver and the
 * layer building live in non-exported packages.
 */
module layerhost.core {
    requires transitive layerhost.api;
    requires org.slf4j;

    exports dev.layerhost.core;
}
