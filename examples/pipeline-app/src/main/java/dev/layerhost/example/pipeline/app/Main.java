package dev.layerhost.example.pipeline.app;

import picocli.CommandLine;

/** Runs the {@code pipeline} command: {@code java -m pipeline.app/dev.layerhost.example.pipeline.app.Main --help}. */
public final class Main {

    private Main() {
    }

    /** Runs the command and exits with its code: 0 done, 1 the job could not run, 2 bad options, 3 a bug. */
    public static void main(String[] args) {
        CommandLine command = new CommandLine(new PipelineCommand())
                // Bad input is one line naming the option (and the path), not the whole usage.
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println("pipeline: " + e.getMessage() + " (see --help)");
                    return PipelineCommand.USAGE;
                })
                // A bug, not bad input: one line on stderr, not a stack trace.
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("pipeline: unexpected " + e);
                    return PipelineCommand.BUG;
                });
        System.exit(command.execute(args));
    }
}
