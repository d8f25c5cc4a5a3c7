package dev.layerhost.image;

import dev.layerhost.image.Launcher.ImageRun;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's completion script ({@code share/bash-completion/completions/layerhost}) and man pages
 * ({@code man/man1/layerhost.1}, {@code layerhost-VERB.1}), which the build makes from the command's
 * picocli model, checked against what the image's own {@code layerhost --help} and {@code layerhost VERB
 * --help} say: every verb and every option of each verb. The script is run by bash, the pages by
 * {@code man -l} where man is installed, as a user would.
 */
class CompletionAndManPagesIT {

    /** A verb's row in {@code layerhost --help}: two spaces, the name, the description after two spaces. */
    private static final Pattern VERB_ROW = Pattern.compile("^ {2}([a-z][a-z-]*) {2,}\\S");
    /**
     * An option's row in a verb's help ({@code "  -h, --help"}, {@code "      --json"}); a description's
     * continuation lines are indented further and never match.
     */
    private static final Pattern OPTION_ROW = Pattern.compile("^(?: {2}-[A-Za-z], | {6})(--[a-z][a-z-]*)");
    /** How long bash may take to complete one word, or man to render one page. */
    private static final Duration TOOL_LIMIT = Duration.ofMinutes(1);

    @TempDir
    Path temp;

    private Path image;
    private Launcher layerhost;

    @BeforeEach
    void launcher() throws Exception {
        image = Path.of(System.getProperty("layerhost.image", "target/image")).toAbsolutePath();
        layerhost = Launcher.of(image, Files.createDirectories(temp.resolve("scratch")));
    }

    @AfterEach
    void removeLinks() throws Exception {
        layerhost.close();
    }

    @Test
    void theCompletionScriptCompletesEveryVerb() throws Exception {
        List<String> verbs = verbs();

        assertEquals(verbs, completions("layerhost", ""));
        assertEquals(verbs.stream().filter(verb -> verb.startsWith("l")).toList(), completions("layerhost", "l"));
    }

    @Test
    void theCompletionScriptCompletesEveryOptionOfEveryVerb() throws Exception {
        for (Map.Entry<String, List<String>> verb : optionsByVerb().entrySet()) {
            List<String> offered = completions("layerhost " + verb.getKey(), "--");

            for (String option : verb.getValue()) {
                assertTrue(offered.contains(option), () -> verb.getKey() + " " + option + " is not completed: " + offered);
            }
        }
    }

    @Test
    void everyVerbHasAManPageThatNamesEachOfItsOptions() throws Exception {
        Map<String, List<String>> optionsByVerb = optionsByVerb();
        Path top = image.resolve("man/man1/layerhost.1");
        String topPage = render(top);
        assertTrue(topPage.contains("LAYERHOST(1)"), topPage);
        for (String verb : optionsByVerb.keySet()) {
            assertTrue(topPage.lines().anyMatch(line -> line.strip().equals(verb)), () -> verb + " missing\n" + topPage);
        }

        for (Map.Entry<String, List<String>> verb : optionsByVerb.entrySet()) {
            String page = render(image.resolve("man/man1/layerhost-" + verb.getKey() + ".1"));

            assertTrue(page.contains("LAYERHOST-" + verb.getKey().toUpperCase() + "(1)"), page);
            for (String option : verb.getValue()) {
                assertTrue(page.contains(option), () -> option + " is not in the man page of " + verb.getKey() + "\n" + page);
            }
        }
    }

    @Test
    void theLauncherReadsNoneOfTheseFiles() throws Exception {
        String launcher = Files.readString(image.resolve("bin/layerhost"));

        assertFalse(launcher.contains("bash-completion") || launcher.contains("man1"), launcher);
    }

    /** The verbs {@code layerhost --help} lists, in its order. */
    private List<String> verbs() throws Exception {
        ImageRun help = layerhost.run("--help");
        assertEquals(0, help.exitCode(), help::toString);
        List<String> verbs = new ArrayList<>();
        boolean commands = false;
        for (String line : help.out().lines().toList()) {
            if (line.equals("Commands:")) {
                commands = true;
            } else if (commands) {
                Matcher row = VERB_ROW.matcher(line);
                if (row.find()) {
                    verbs.add(row.group(1));
                }
            }
        }
        assertFalse(verbs.isEmpty(), help::toString);
        return verbs;
    }

    /** Each verb, with the long options its {@code --help} lists. */
    private Map<String, List<String>> optionsByVerb() throws Exception {
        Map<String, List<String>> optionsByVerb = new LinkedHashMap<>();
        for (String verb : verbs()) {
            ImageRun help = layerhost.run(verb, "--help");
            assertEquals(0, help.exitCode(), help::toString);
            List<String> options = help.out().lines()
                    .map(OPTION_ROW::matcher)
                    .filter(Matcher::find)
                    .map(row -> row.group(1))
                    .toList();
            assertTrue(options.contains("--plugins"), help::toString);
            optionsByVerb.put(verb, options);
        }
        return optionsByVerb;
    }

    /**
     * What bash offers for {@code word} after {@code line} with the image's completion script sourced:
     * the script's function run as bash's programmable completion runs it, one candidate per line.
     */
    private List<String> completions(String line, String word) throws Exception {
        Path script = image.resolve("share/bash-completion/completions/layerhost");
        String words = line + " " + word;
        String program = """
                source "$1"
                COMP_WORDS=($2)
                if [ -z "$3" ]; then COMP_WORDS+=(""); fi
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                COMP_LINE="$2"
                COMP_POINT=${#COMP_LINE}
                _complete_layerhost
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", program, "bash", script.toString(), words, word)
                // compopt complains outside a real completion; what it would change does not matter here
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        ToolRun run = ToolRun.of(bash, Files.createTempFile(temp, "bash", ".out"), TOOL_LIMIT);
        assertEquals(0, run.exitCode(), run::out);
        return run.out().lines().filter(candidate -> !candidate.isEmpty()).toList();
    }

    /**
     * The man page {@code page} as a terminal shows it: rendered by {@code man -l} in ASCII where man is
     * installed; where it is not, its troff source with the escapes of its text undone, after a check
     * that it is a man page ({@code .TH}) with the sections of one.
     */
    private String render(Path page) throws Exception {
        assertTrue(Files.isRegularFile(page), page::toString);
        String troff = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(troff.lines().anyMatch(line -> line.startsWith(".TH ")), () -> "no .TH line in " + page);
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS")) {
            assertTrue(troff.contains(".SH \"" + section + "\""), () -> "no section " + section + " in " + page);
        }
        Optional<Path> man = onPath("man");
        if (man.isEmpty()) {
            return troff.replace("\\-", "-").replace("\\fB", "").replace("\\fP", "").replace("\\fI", "");
        }
        ProcessBuilder builder = new ProcessBuilder(man.get().toString(), "-l", page.toString());
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("MANWIDTH", "200");
        builder.environment().put("MANPAGER", "cat");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        ToolRun run = ToolRun.of(builder, Files.createTempFile(temp, "man", ".out"), TOOL_LIMIT);
        assertEquals(0, run.exitCode(), () -> "man -l " + page + ": " + run.out());
        return run.out();
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin:/bin";
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return Optional.of(Path.of(folder, program));
            }
        }
        return Optional.empty();
    }
}
