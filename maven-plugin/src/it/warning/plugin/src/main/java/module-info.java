module warning.plugin {
    requires layerhost.api;
    requires warning.library;
    provides dev.layerhost.api.DataSource with warning.plugin.GreetingSource;
}
