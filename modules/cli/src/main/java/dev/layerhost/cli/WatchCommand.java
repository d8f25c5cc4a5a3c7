package dev.layerhost.cli;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code layerhost watch}: loads, then follows the root, printing one line per event, until SIGTERM or
 * SIGINT; then closes every layer and exits 0.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Load, then follow the root: reload, reject and unload plugins as their files change,"
                + " one event per line (JSON lines with --json), until SIGTERM or SIGINT. Runs plugin code.")
final class WatchCommand extends Verb {

    private static final Logger log = LoggerFactory.getLogger(WatchCommand.class);

    /** How long a signal waits for plugin code that is running (a provider's constructor) to return. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(3);

    @Option(names = "--quiet-period", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long a changed entry must stay unchanged before it is reloaded (default: ${DEFAULT-VALUE} ms).")
    long quietPeriodMillis;

    /** Set on SIGTERM/SIGINT: what the closing host still announces is not news. */
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Set when a layer was dropped: its jars close once their loader is collected. */
    private final AtomicBoolean layersDropped = new AtomicBoolean();
    /**
     * The folder of the host's snapshots, ours to delete even when plugin code keeps the host from
     * closing within {@link #CLOSE_PATIENCE}.
     */
    private Path workDirectory;

    @Override
    PluginHost.Builder configure(PluginHost.Builder builder) {
        if (quietPeriodMillis < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--quiet-period must be 0 or more milliseconds, not " + quietPeriodMillis);
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            workDirectory = Files.createTempDirectory(temporary, "layerhost-watch-");
        } catch (IOException e) {
            throw new HostSetupException("cannot create a working folder in " + temporary + ": " + e, temporary);
        }
        return builder.quietPeriod(Duration.ofMillis(quietPeriodMillis)).workDirectory(workDirectory);
    }

    @Override
    int run(PluginHost host, PrintWriter out) throws InterruptedException {
        JsonRenderer json = new JsonRenderer();
        TextRenderer text = new TextRenderer(out);
        host.addListener(event -> print(event, out, json, text));
        host.addListener(event -> {
            if (event.kind() != PluginEvent.Kind.LOADED && event.kind() != PluginEvent.Kind.REJECTED) {
                layersDropped.set(true);
            }
        });
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        SignalHandler onSignal = signal -> {
            signalled.set(true);
            stop.countDown();
        };
        Signal.handle(new Signal("TERM"), onSignal);
        Signal.handle(new Signal("INT"), onSignal);
        // The first load runs plugin code, which may take long or hang: a signal must still end the command.
        AtomicReference<RuntimeException> startFailure = new AtomicReference<>();
        Thread start = new Thread(() -> {
            try {
                host.load();
                host.watch();
            } catch (RuntimeException e) {
                startFailure.set(e);
                stop.countDown();
            }
        }, "layerhost-load");
        start.setDaemon(true);
        start.start();
        while (!stop.await(1, TimeUnit.SECONDS)) {
            // A dropped layer's jar files are closed by cleaners, which run only after a collection; an
            // idle watcher might not collect for hours, holding deleted snapshot files open meanwhile.
            if (layersDropped.getAndSet(false)) {
                System.gc();
            }
        }
        stopping.set(true);
        // A first load that failed ends the command with its error; one that a signal cut short does not.
        if (!signalled.get() && startFailure.get() != null) {
            throw startFailure.get();
        }
        closeWithin(host, CLOSE_PATIENCE);
        return ExitCodes.OK;
    }

    /** Closes the host, but returns after {@code patience} even if a plugin's code keeps it from closing. */
    private static void closeWithin(PluginHost host, Duration patience) throws InterruptedException {
        Thread closer = new Thread(host::close, "layerhost-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(patience.toMillis());
        if (closer.isAlive()) {
            log.warn("Plugin code did not return within {} s of the signal; exiting without waiting for it",
                    patience.toSeconds());
        }
    }

    /** Deletes what is left of the working folder: everything, if the host could not close in time. */
    @Override
    void afterClose() {
        if (workDirectory != null) {
            deleteTree(workDirectory);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the working folder {}: {}", folder, e.toString());
        }
    }

    private void print(PluginEvent event, PrintWriter out, JsonRenderer json, TextRenderer text) {
        if (stopping.get()) {
            return;
        }
        synchronized (out) {
            if (options.json) {
                out.println(json.eventLine(event));
            } else {
                text.event(event);
            }
            out.flush();
        }
    }
}
