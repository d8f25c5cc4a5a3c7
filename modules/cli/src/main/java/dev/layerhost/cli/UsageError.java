package dev.layerhost.cli;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line a usage error is told in: picocli's message, or, for a word it did not know, which verb or
 * option was probably meant ({@code unknown verb 'lsit'; did you mean 'list'?}).
 */
final class UsageError {

    private UsageError() {
    }

    static String describe(ParameterException exception) {
        // picocli checks required options before it complains about unknown ones, so a mistyped required
        // option ('--plugin x') would read as a missing one: the unknown word is the better clue.
        UnmatchedArgumentException unmatched = exception instanceof UnmatchedArgumentException first
                ? first
                : unmatchedOf(exception.getCommandLine());
        if (unmatched == null) {
            return exception.getMessage();
        }
        List<String> words = unmatched.getUnmatched();
        String word = words.isEmpty() ? "" : words.get(0);
        CommandLine command = unmatched.getCommandLine();
        boolean verbExpected = !command.getSubcommands().isEmpty() && !word.startsWith("-");
        String problem = verbExpected ? "unknown verb '" + word + "'"
                : word.startsWith("-") ? "unknown option '" + word + "'" + forVerb(command)
                : unmatched.getMessage();
        Collection<String> known = verbExpected ? command.getSubcommands().keySet()
                : command.getCommandSpec().options().stream().flatMap(option -> Arrays.stream(option.names())).toList();
        return closest(word, known).map(meant -> problem + "; did you mean '" + meant + "'?").orElse(problem);
    }

    /**
     * The known word {@code typed} most likely meant: the nearest by edits (a swap of two neighbours
     * counts one, so {@code lsit} is next to {@code list}, which picocli's own similarity misses), if
     * it is near enough not to be a guess; ties go to the first known word.
     */
    static Optional<String> closest(String typed, Collection<String> known) {
        int bound = Math.min(2, Math.max(1, typed.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            // Lengths further apart than the bound cannot be near: a long typed path costs no table.
            if (Math.abs(typed.length() - candidate.length()) > bound) {
                continue;
            }
            int distance = distance(typed, candidate);
            if (distance <= bound && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edits (insert, delete, replace, swap of neighbours) from {@code a} to {@code b}: optimal string alignment. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static UnmatchedArgumentException unmatchedOf(CommandLine command) {
        List<String> words = command == null ? List.of() : command.getUnmatchedArguments();
        return words.isEmpty() ? null : new UnmatchedArgumentException(command, words);
    }

    private static String forVerb(CommandLine command) {
        return command.getParent() == null ? "" : " of " + command.getCommandName();
    }
}
