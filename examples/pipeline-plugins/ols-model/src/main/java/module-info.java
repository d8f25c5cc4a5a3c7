/**
 * A pipeline plugin: ordinary least-squares linear regression, computed by Apache Commons Math. Its
 * folder ships commons-math3 made the named module org.apache.commons.math3 at build time (Moditect).
 */
module example.model.ols {
    requires pipeline.api;
    requires org.apache.commons.math3;

    provides dev.layerhost.example.pipeline.api.ModelTrainer with dev.layerhost.example.model.ols.OlsTrainer;
}
