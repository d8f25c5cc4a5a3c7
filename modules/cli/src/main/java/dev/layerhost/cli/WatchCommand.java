package dev.layerhost.cli;

import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.VisibleText;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

    @Override
    PluginHost.Builder configure(PluginHost.Builder builder) {
        if (quietPeriodMillis < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--quiet-period must be 0 or more milliseconds, not " + quietPeriodMillis);
        }
        // The host deletes its copies when it closes, even if plugin code keeps running past the patience.
        return builder.quietPeriod(Duration.ofMillis(quietPeriodMillis)).closeTimeout(CLOSE_PATIENCE);
    }

    @Override
    int run(PluginHost host, PrintWriter out) throws InterruptedException {
        JsonRenderer json = new JsonRenderer();
        TextRenderer text = new TextRenderer(out);
        host.addListener(event -> print(event, out, json, text));
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
        PrintWriter err = spec.commandLine().getErr();
        Thread start = new Thread(() -> {
            try {
                host.load();
                host.watch();
                announce(out, err);
            } catch (RuntimeException e) {
                startFailure.set(e);
                stop.countDown();
            }
        }, "layerhost-load");
        start.setDaemon(true);
        start.start();
        stop.await();
        stopping.set(true);
        // A first load that failed ends the command with its error; one that a signal cut short does not.
        if (!signalled.get() && startFailure.get() != null) {
            throw startFailure.get();
        }
        if (!host.close(CLOSE_PATIENCE)) {
            log.warn("Plugin code did not return within {} s of the signal; exiting without waiting for it",
                    CLOSE_PATIENCE.toSeconds());
        }
        return ExitCodes.OK;
    }

    /**
     * Says that the first load is done and the root is followed now, so that a person knows the command
     * waits on purpose. Under {@code --json} stdout holds events only: the line goes to stderr.
     */
    private void announce(PrintWriter out, PrintWriter err) {
        if (stopping.get()) {
            return;
        }
        String line = "watching " + VisibleText.escape(options.pluginRoot.toAbsolutePath().normalize().toString())
                + " (quiet period " + quietPeriodMillis + " ms); Ctrl-C to stop";
        PrintWriter to = options.json ? err : out;
        synchronized (out) {
            to.println(line);
            to.flush();
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
