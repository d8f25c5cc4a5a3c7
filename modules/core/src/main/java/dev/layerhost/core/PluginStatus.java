package dev.layerhost.core;

/** Where a plugin stands after a scan or a load. */
public enum PluginStatus {
    /** Sound, not loaded: what a scan reports for a plugin no error names. */
    OK,
    /** An error diagnostic names it; it gets no layer. */
    REJECTED,
    /** Its layer is built and its providers instantiated. */
    LOADED,
    /** Sound, but its code threw while loading; a {@code PROVIDER_FAILED} diagnostic gives the cause. */
    FAILED
}
