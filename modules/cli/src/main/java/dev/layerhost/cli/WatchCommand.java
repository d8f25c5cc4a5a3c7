package dev.layerhost.cli;

import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code layerhost watch}: loads, then follows the root, printing one line per event, until SIGTERM or
 * SIGINT; then closes every layer and exits 0.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Load, then follow the root: reload, reject and unload plugins as their files change,"
                + " one event per line (JSON lines with --json), until SIGTERM or SIGINT. Runs plugin code.")
final class WatchCommand extends Verb {

    @Option(names = "--quiet-period", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long a changed entry must stay unchanged before it is reloaded (default: ${DEFAULT-VALUE} ms).")
    long quietPeriodMillis;

    @Override
    PluginHost.Builder configure(PluginHost.Builder builder) {
        return builder.quietPeriod(Duration.ofMillis(Math.max(0, quietPeriodMillis)));
    }

    @Override
    int run(PluginHost host, PrintWriter out) throws InterruptedException {
        JsonRenderer json = new JsonRenderer();
        TextRenderer text = new TextRenderer(out);
        host.addListener(event -> print(event, out, json, text));
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        host.load();
        host.watch();
        stop.await();
        return ExitCodes.OK;
    }

    private void print(PluginEvent event, PrintWriter out, JsonRenderer json, TextRenderer text) {
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
