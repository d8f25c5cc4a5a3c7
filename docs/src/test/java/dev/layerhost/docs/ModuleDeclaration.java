package dev.layerhost.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code module-info.java} of a diagnostic example, read as the test kit's builder takes it. The
 * examples declare modules that javac alone would refuse (a cycle, a missing module, two versions of one),
 * which the test kit compiles against stubs; so the declaration is read here, directive by directive, and
 * anything this reader does not know fails the test rather than being skipped.
 *
 * <p>Two comments carry what a build says outside {@code module-info.java}: {@code // javac
 * --module-version 2.0.0} and {@code // compiled against acme.text 1.4.0} (the version javac records in the
 * {@code requires}, from the module it compiled against).
 *
 * @param name            the module's name
 * @param version         its {@code --module-version}, if the file gives one
 * @param compiledAgainst module name to the version it was compiled against
 * @param requires        required module to its modifiers ({@code transitive}, {@code static}), in order
 * @param exports         {@code exports} directives as written, {@code pkg} or {@code pkg to a, b}
 * @param opens           opened packages
 * @param uses            used service types
 * @param provides        service type to its implementations, in order
 */
record ModuleDeclaration(String name, Optional<String> version, Map<String, String> compiledAgainst,
                         Map<String, List<String>> requires, List<String> exports, List<String> opens,
                         List<String> uses, Map<String, List<String>> provides) {

    private static final Pattern VERSION = Pattern.compile("//\\s*javac --module-version (\\S+)");
    private static final Pattern COMPILED = Pattern.compile("//\\s*compiled against (\\S+) (\\S+)");
    private static final Pattern HEADER = Pattern.compile("^\\s*module\\s+([\\w.]+)\\s*\\{(.*)}\\s*$", Pattern.DOTALL);
    private static final String NAME = "[\\w.$]+";

    ModuleDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        compiledAgainst = Map.copyOf(compiledAgainst);
        requires = copyInOrder(requires);
        exports = List.copyOf(exports);
        opens = List.copyOf(opens);
        uses = List.copyOf(uses);
        provides = copyInOrder(provides);
    }

    /**
     * Reads {@code text}, the content of {@code file}.
     *
     * @throws IllegalArgumentException naming {@code file} and the directive, for what this reader does not know
     */
    static ModuleDeclaration parse(String file, String text) {
        Optional<String> version = first(VERSION, text);
        Map<String, String> compiledAgainst = new LinkedHashMap<>();
        Matcher compiled = COMPILED.matcher(text);
        while (compiled.find()) {
            compiledAgainst.put(compiled.group(1), compiled.group(2));
        }
        String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher header = HEADER.matcher(code);
        if (!header.matches()) {
            throw new IllegalArgumentException(file + ": no 'module name { ... }' declaration");
        }
        Map<String, List<String>> requires = new LinkedHashMap<>();
        List<String> exports = new ArrayList<>();
        List<String> opens = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        Map<String, List<String>> provides = new LinkedHashMap<>();
        for (String raw : header.group(2).split(";")) {
            String directive = raw.strip().replaceAll("\\s+", " ");
            if (directive.isEmpty()) {
                continue;
            }
            List<String> words = List.of(directive.split(" "));
            switch (words.get(0)) {
                case "requires" -> requires.put(words.get(words.size() - 1), words.subList(1, words.size() - 1));
                case "exports" -> exports.add(directive.substring("exports ".length()));
                case "opens" -> opens.add(words.get(1));
                case "uses" -> uses.add(words.get(1));
                case "provides" -> {
                    Matcher with = Pattern.compile("provides (" + NAME + ") with (.+)").matcher(directive);
                    if (!with.matches()) {
                        throw new IllegalArgumentException(file + ": cannot read '" + directive + "'");
                    }
                    provides.put(with.group(1), List.of(with.group(2).replace(" ", "").split(",")));
                }
                default -> throw new IllegalArgumentException(file + ": unknown directive '" + directive + "'");
            }
        }
        return new ModuleDeclaration(header.group(1), version, compiledAgainst, requires, exports, opens, uses, provides);
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static <V> Map<String, V> copyInOrder(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
