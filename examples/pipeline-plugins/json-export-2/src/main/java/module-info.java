/** A pipeline plugin: writes a job's predictions as JSON, with its own jackson-core as a private library. */
module example.export.json {
    requires pipeline.api;
    requires com.fasterxml.jackson.core;

    provides dev.layerhost.example.pipeline.api.ResultExporter with dev.layerhost.example.export.json.JsonExporter;
}
