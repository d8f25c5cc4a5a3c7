package dev.layerhost.example.pipeline.app;

import dev.layerhost.example.pipeline.api.ModelTrainer;
import dev.layerhost.example.pipeline.api.ResultExporter;
import dev.layerhost.example.pipeline.api.TableSource;

/** The kinds of plugin the pipeline uses, each a service type of {@code pipeline.api}. */
enum Category {
    DATA_SOURCES("data sources", TableSource.class),
    MODELS("models", ModelTrainer.class),
    EXPORTERS("exporters", ResultExporter.class);

    private final String label;
    private final Class<?> serviceType;

    Category(String label, Class<?> serviceType) {
        this.label = label;
        this.serviceType = serviceType;
    }

    /** How the listing heads the category, such as {@code data sources}. */
    String label() {
        return label;
    }

    /** The service type its plugins provide. */
    Class<?> serviceType() {
        return serviceType;
    }
}
