module layerhost.api {
    exports dev.layerhost.api.nine;
}
