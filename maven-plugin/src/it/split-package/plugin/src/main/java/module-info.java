module split.plugin {
    requires layerhost.api;
    requires split.library;
    provides dev.layerhost.api.DataSource with split.plugin.GreetingSource;
}
