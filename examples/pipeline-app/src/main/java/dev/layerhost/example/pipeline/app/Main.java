package dev.layerhost.example.pipeline.app;

import picocli.CommandLine;

/** Runs the {@code pipeline} command: {@code java -m pipeline.app/dev.layerhost.example.pipeline.app.Main --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new PipelineCommand())
                // A bug, not bad input: one line on stderr, not a stack trace.
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("pipeline: unexpected " + e);
                    return PipelineCommand.BUG;
                });
        System.exit(command.execute(args));
    }
}
