package dev.layerhost.cli;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.VisibleText;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every verb does around its own work: build the host from the shared options, turn a set-up
 * problem into one line on stderr and exit code 2, and close the host.
 */
abstract class Verb implements Callable<Integer> {

    @Mixin
    HostOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.check(spec.commandLine());
        try (PluginHost host = configure(options.builder()).build()) {
            return run(host, out);
        } catch (HostSetupException e) {
            err.println("layerhost: " + VisibleText.escape(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /** A verb's own settings of the host; none by default. */
    PluginHost.Builder configure(PluginHost.Builder builder) {
        return builder;
    }

    /** The verb's work; returns the exit code. */
    abstract int run(PluginHost host, PrintWriter out) throws InterruptedException;
}
