package dev.layerhost.example.pipeline.app;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Report;
import dev.layerhost.core.VisibleText;
import dev.layerhost.example.pipeline.api.TableSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code pipeline}: loads the plugins of a plugin root, lists them by category, runs the job once; with
 * {@code --watch}, then follows the root and runs the job again whenever a plugin is loaded or
 * reloaded, until SIGTERM or SIGINT, and closes the host.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Runs a data pipeline whose steps are plugins: reads the data file with a data source,"
                + " fits a model of one column with a model trainer, exports the predictions with an exporter.",
                "With --watch, runs it again whenever a plugin is dropped in or replaced, until SIGTERM or SIGINT."})
final class PipelineCommand implements Callable<Integer> {

    static final int OK = 0;
    /** The job could not run, or failed (without --watch). */
    static final int JOB_FAILED = 1;
    static final int USAGE = 2;
    static final int BUG = 3;

    /** How long closing waits for plugin code still running (an exporter writing, say). */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(3);

    @Option(names = "--plugins", required = true, paramLabel = "DIR", description = "The plugin root.")
    Path plugins;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data file to read.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict from the others (default: the last one).")
    String target;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pipeline-out",
            description = "Where the exporter writes (default: ${DEFAULT-VALUE}; created if missing).")
    Path out;

    @Option(names = "--watch", description = "Keep running: follow the root, run the job again on every plugin"
            + " loaded or reloaded, until SIGTERM or SIGINT.")
    boolean watch;

    @Option(names = "--quiet-period", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long changed plugin files must stay still before they are loaded (default: ${DEFAULT-VALUE} ms).")
    long quietPeriodMillis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        Console console = new Console(spec.commandLine().getOut());
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(plugins)
                // the application's own API module: plugins implement the very classes this module looks up
                .apiModule(TableSource.class.getModule())
                .quietPeriod(Duration.ofMillis(quietPeriodMillis))
                .closeTimeout(CLOSE_PATIENCE)
                .build()) {
            JobRequests requests = new JobRequests();
            if (watch) {
                // Before the first load: a signal that comes while plugin code loads still stops cleanly.
                Signal.handle(new Signal("TERM"), signal -> requests.stop());
                Signal.handle(new Signal("INT"), signal -> requests.stop());
            }
            Report report = host.load();
            console.print("plugins in " + plugins + ":");
            console.print(new PluginListing().lines(report));
            PipelineJob job = new PipelineJob(host, data, Optional.ofNullable(target), out);
            JobResult first = job.run(1, "start");
            console.print(first.lines());
            if (!watch) {
                return first instanceof JobResult.Completed ? OK : JOB_FAILED;
            }
            host.addListener(new EventFollower(console, requests));
            host.watch();
            console.print("watching " + plugins + " (replace or add a plugin; SIGTERM or SIGINT stops)");
            int number = 1;
            for (List<String> reasons = requests.next(); !reasons.isEmpty(); reasons = requests.next()) {
                console.print(job.run(++number, String.join(", ", reasons)).lines());
            }
            console.print("stopping: closing the plugin host");
            boolean inTime = host.close(CLOSE_PATIENCE);
            console.print(inTime ? "stopped" : "stopped (plugin code was still running after "
                    + CLOSE_PATIENCE.toSeconds() + " s)");
            return OK;
        } catch (HostSetupException e) {
            err.println(VisibleText.escape("pipeline: " + e.getMessage()
                    + (e.getMessage().contains(e.path().toString()) ? "" : ": " + e.path())));
            return USAGE;
        }
    }

    /** Bad options are one line naming the option and the path, exit 2, before any plugin is read. */
    private void checkOptions() {
        if (!Files.isDirectory(plugins)) {
            throw new ParameterException(spec.commandLine(), "--plugins: no folder at " + plugins);
        }
        if (!Files.isRegularFile(data) || !Files.isReadable(data)) {
            throw new ParameterException(spec.commandLine(), "--data: no readable file at " + data);
        }
        if (quietPeriodMillis < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--quiet-period must be 0 or more milliseconds, not " + quietPeriodMillis);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out: cannot create folder " + out + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
