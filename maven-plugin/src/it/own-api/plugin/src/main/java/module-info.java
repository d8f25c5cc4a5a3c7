module own.plugin {
    requires layerhost.api;
    provides dev.layerhost.api.nine.Nine with own.plugin.NineImpl;
}
