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
    FAILED,
    /**
     * Switched off by the user without removing its files ({@code disabled.txt} in the plugin root, or
     * {@link PluginHost.Builder#disabledPlugins}): no layer, none of its code runs, and its own diagnostics
     * are not reported. A plugin that requires it is {@code REJECTED} with {@code DEPENDENCY_REJECTED}.
     */
    DISABLED
}
