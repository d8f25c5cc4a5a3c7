module p.dep {
    requires layerhost.api;
    requires p.base;
    provides dev.layerhost.api.DataSource with p.dep.DepSource;
}
