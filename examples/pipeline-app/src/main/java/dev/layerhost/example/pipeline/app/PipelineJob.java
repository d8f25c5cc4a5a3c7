package dev.layerhost.example.pipeline.app;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.PluginService;
import dev.layerhost.example.pipeline.api.Model;
import dev.layerhost.example.pipeline.api.ModelTrainer;
import dev.layerhost.example.pipeline.api.Prediction;
import dev.layerhost.example.pipeline.api.ResultExporter;
import dev.layerhost.example.pipeline.api.Table;
import dev.layerhost.example.pipeline.api.TableSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;

/**
 * The job: read the data file with a data source, fit a model of the target column with a model
 * trainer, export the predictions with an exporter. Each run takes the plugins serving at that moment
 * (the first by id of each category), so a run after a reload uses the new version.
 */
final class PipelineJob {

    private final PluginHost host;
    private final Path data;
    private final Optional<String> target;
    private final Path outputDirectory;

    /**
     * @param target          the column to predict; empty for the table's last column
     * @param outputDirectory where the exporter writes; an existing folder
     */
    PipelineJob(PluginHost host, Path data, Optional<String> target, Path outputDirectory) {
        this.host = Objects.requireNonNull(host, "host");
        this.data = Objects.requireNonNull(data, "data");
        this.target = Objects.requireNonNull(target, "target");
        this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
    }

    JobResult run(int number, String reason) {
        Optional<PluginService<TableSource>> source = first(TableSource.class);
        Optional<PluginService<ModelTrainer>> trainer = first(ModelTrainer.class);
        Optional<PluginService<ResultExporter>> exporter = first(ResultExporter.class);
        if (source.isEmpty()) {
            return new JobResult.NotRun(number, reason, Category.DATA_SOURCES);
        }
        if (trainer.isEmpty()) {
            return new JobResult.NotRun(number, reason, Category.MODELS);
        }
        if (exporter.isEmpty()) {
            return new JobResult.NotRun(number, reason, Category.EXPORTERS);
        }
        List<UsedPlugin> used = new ArrayList<>();
        // Plugin code runs in each step below: what it throws is that plugin's failure, reported, never ours.
        Category stage = Category.DATA_SOURCES;
        PluginService<?> running = source.get();
        try {
            used.add(new UsedPlugin(stage, running.plugin(), running.version(), source.get().service().name()));
            Table table = source.get().service().read(data);
            String column = target.orElse(table.columns().get(table.columns().size() - 1));
            stage = Category.MODELS;
            running = trainer.get();
            used.add(new UsedPlugin(stage, running.plugin(), running.version(), trainer.get().service().name()));
            Model model = trainer.get().service().fit(table, column);
            List<Double> predicted = model.predict(table);
            String description = model.describe();
            stage = Category.EXPORTERS;
            running = exporter.get();
            used.add(new UsedPlugin(stage, running.plugin(), running.version(), exporter.get().service().name()));
            Path written = exporter.get().service().export(new Prediction(table, column, description, predicted),
                    outputDirectory);
            return new JobResult.Completed(number, reason, used, table.rows().size(), description, written);
        } catch (IOException e) {
            return new JobResult.Failed(number, reason, stage, running.plugin(), running.version(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // the API's way for a plugin to refuse the data: its message says why, naming file and line
            return new JobResult.Failed(number, reason, stage, running.plugin(), running.version(),
                    Objects.requireNonNullElse(e.getMessage(), e.toString()));
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            return new JobResult.Failed(number, reason, stage, running.plugin(), running.version(), String.valueOf(e));
        }
    }

    private <S> Optional<PluginService<S>> first(Class<S> type) {
        return host.services(type).stream().min(Comparator.comparing(PluginService::plugin));
    }
}
