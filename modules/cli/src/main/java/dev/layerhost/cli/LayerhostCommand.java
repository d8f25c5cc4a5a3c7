package dev.layerhost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code layerhost}: the top command; it only dispatches to the verbs. */
@Command(name = "layerhost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A JPMS-native plugin host: checks plugins from their module descriptors and loads each"
                + " into a ModuleLayer of its own.",
        subcommands = {ListCommand.class, DoctorCommand.class, GraphCommand.class, LoadCommand.class,
            WatchCommand.class})
final class LayerhostCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing verb: one of list, doctor, graph, load, watch");
    }
}
