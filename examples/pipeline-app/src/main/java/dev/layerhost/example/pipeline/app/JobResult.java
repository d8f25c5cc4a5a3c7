package dev.layerhost.example.pipeline.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one run of the job came to: done, not run for want of a plugin, or failed in a plugin's code. */
sealed interface JobResult {

    /** The job's number: 1 for the run at start, then one more per run. */
    int number();

    /** What the run prints, first line first. */
    List<String> lines();

    /**
     * The job ran: it read the data, fitted a model and exported the predictions.
     *
     * @param reason what started it: {@code start}, or the events that did
     * @param used   the plugins used, data source, model, exporter
     * @param rows   the rows read
     * @param model  the model's description
     * @param output the file the exporter wrote
     */
    record Completed(int number, String reason, List<UsedPlugin> used, int rows, String model, Path output)
            implements JobResult {

        public Completed {
            Objects.requireNonNull(reason, "reason");
            used = List.copyOf(used);
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(output, "output");
        }

        @Override
        public List<String> lines() {
            return List.of(
                    "job " + number + " (" + reason + ") used "
                            + used.stream().map(UsedPlugin::idAndVersion).collect(Collectors.joining(", ")),
                    "  read " + rows + " rows with " + used.get(0).name() + ", fitted with " + used.get(1).name()
                            + ": " + model,
                    "  exported with " + used.get(2).name() + " to " + output);
        }
    }

    /**
     * The job did not run: no live plugin provides what one of its steps needs.
     *
     * @param missing the category without a plugin
     */
    record NotRun(int number, String reason, Category missing) implements JobResult {

        public NotRun {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(missing, "missing");
        }

        @Override
        public List<String> lines() {
            return List.of("job " + number + " (" + reason + ") not run: no plugin among the " + missing.label()
                    + " (" + missing.serviceType().getName() + ")");
        }
    }

    /**
     * A plugin's code threw, or refused the data: the job stopped there.
     *
     * @param category what the plugin was used for
     * @param plugin   the id of the plugin whose code failed
     * @param version  its version
     * @param message  what went wrong, one line
     */
    record Failed(int number, String reason, Category category, String plugin, Optional<String> version,
                  String message) implements JobResult {

        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public List<String> lines() {
            return List.of("job " + number + " (" + reason + ") failed in " + plugin + " "
                    + version.orElse("(no version)") + " (" + category.label() + "): " + message);
        }
    }
}
