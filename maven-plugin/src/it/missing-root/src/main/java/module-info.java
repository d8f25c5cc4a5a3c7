module lonely.plugin {
    requires layerhost.api;
    provides dev.layerhost.api.DataSource with lonely.plugin.LonelySource;
}
