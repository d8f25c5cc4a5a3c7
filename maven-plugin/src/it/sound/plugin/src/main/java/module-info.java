module sound.plugin {
    requires layerhost.api;
    requires sound.library;
    provides dev.layerhost.api.DataSource with sound.plugin.GreetingSource;
}
