package dev.layerhost.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code layerhost}: the top command; it only dispatches to the verbs. The verbs are added by
 * {@link #commandLine(String[], Environment)}, only the one a command line names when it names one:
 * picocli builds the model of every command it is given by reflection, a cost each start pays.
 */
@Command(name = "layerhost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A JPMS-native plugin host: checks plugins from their module descriptors and loads each"
                + " into a ModuleLayer of its own.")
final class LayerhostCommand implements Runnable {

    /** The verbs, in the order help lists them. */
    private static final Map<String, Supplier<Object>> VERBS = verbs();

    private static Map<String, Supplier<Object>> verbs() {
        Map<String, Supplier<Object>> verbs = new LinkedHashMap<>();
        verbs.put("list", ListCommand::new);
        verbs.put("doctor", DoctorCommand::new);
        verbs.put("graph", GraphCommand::new);
        verbs.put("load", LoadCommand::new);
        verbs.put("watch", WatchCommand::new);
        return Collections.unmodifiableMap(verbs);
    }

    /**
     * The command line for {@code args}: with the verb {@code args} starts with, or with every verb (for
     * help, and to suggest the verb meant by a mistyped one). The verbs' options read {@code environment}.
     */
    static CommandLine commandLine(String[] args, Environment environment) {
        // picocli makes each verb's HostOptions with the factory of the command line the verb is added to.
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == HostOptions.class
                        ? type.cast(new HostOptions(environment))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new LayerhostCommand(), factory);
        Supplier<Object> named = args.length > 0 ? VERBS.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
        } else {
            VERBS.forEach((name, verb) -> commandLine.addSubcommand(name, verb.get()));
        }
        return commandLine;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing verb: one of list, doctor, graph, load, watch");
    }
}
