package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three sources of the trust store's password — {@code --trust-store-password PW}, the first line of
 * {@code --trust-store-password-file FILE}, the environment variable {@code LAYERHOST_TRUST_STORE_PASSWORD}
 * — with a real PKCS12 trust store and a plugin signed by its key: each opens the store, the option comes
 * before the file before the variable, both options at once are a usage error, and a wrong password or an
 * unreadable file is a usage error (exit 2, one line) that never prints the password.
 */
class TrustStorePasswordTest {

    private static final String VARIABLE = "LAYERHOST_TRUST_STORE_PASSWORD";

    /** The keys (below {@code keys}) and a root with one plugin signed by the trusted key (below {@code plugins}). */
    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void trustStoreAndSignedPlugin() {
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME));
        Path jar = Plugins.sound(shared.resolve("plugins").resolve("trusted.jar"), "p.trusted", "1.0.0");
        keys.sign(jar, SigningKey.ACME);
    }

    /** {@code layerhost list --json} of the signed plugin under {@code --signatures require}, then {@code more}. */
    private static CliRun list(Map<String, String> environment, Object... more) {
        List<Object> arguments = new ArrayList<>(List.of("list", "--json", "--plugins", shared.resolve("plugins"),
                "--signatures", "require", "--trust-store", trustStore()));
        arguments.addAll(List.of(more));
        return CliRun.withEnvironment(environment, arguments.toArray());
    }

    private static Path trustStore() {
        return SigningKeys.in(shared.resolve("keys")).trustStore();
    }

    private Path passwordFile(String content) throws Exception {
        return Files.writeString(Files.createTempFile(temp, "password", ".txt"), content);
    }

    @Test
    void environmentVariableOpensTheTrustStore() {
        CliRun run = list(Map.of(VARIABLE, SigningKeys.PASSWORD));

        assertTrusted(run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret\n", "secret", "secret\r\n", "secret\nsecond line\n"})
    void firstLineOfThePasswordFileOpensTheTrustStore(String content) throws Exception {
        assertEquals("secret", SigningKeys.PASSWORD, "the files above hold the stores' password");

        CliRun run = list(Map.of(), "--trust-store-password-file", passwordFile(content));

        assertTrusted(run);
    }

    @Test
    void optionComesBeforeTheEnvironmentVariable() {
        assertWrongPassword(list(Map.of(VARIABLE, "wrong-in-env")), "wrong-in-env");
        assertTrusted(list(Map.of(VARIABLE, "wrong-in-env"), "--trust-store-password", SigningKeys.PASSWORD));

        CliRun wrongOption = list(Map.of(VARIABLE, SigningKeys.PASSWORD), "--trust-store-password", "wrong-option");

        assertWrongPassword(wrongOption, "wrong-option");
    }

    @Test
    void fileComesBeforeTheEnvironmentVariable() throws Exception {
        assertTrusted(list(Map.of(VARIABLE, "wrong-in-env"), "--trust-store-password-file",
                passwordFile(SigningKeys.PASSWORD + "\n")));

        CliRun wrongFile = list(Map.of(VARIABLE, SigningKeys.PASSWORD), "--trust-store-password-file",
                passwordFile("wrong-in-file\n"));

        assertWrongPassword(wrongFile, "wrong-in-file");
    }

    @Test
    void wrongPasswordInTheEnvironmentVariableExitsTwoWithoutPrintingIt() {
        CliRun run = list(Map.of(VARIABLE, "wrong-in-env"));

        assertWrongPassword(run, "wrong-in-env");
    }

    @Test
    void optionAndFileTogetherAreAUsageError() throws Exception {
        Path file = passwordFile(SigningKeys.PASSWORD + "\n");

        CliRun run = list(Map.of(), "--trust-store-password", "given-twice", "--trust-store-password-file", file);

        assertUsageError(run, file.toString());
        assertTrue(run.err().contains("--trust-store-password or with --trust-store-password-file"), run::toString);
        assertFalse(run.toString().contains("given-twice"), run::toString);
    }

    @Test
    void missingPasswordFileIsAUsageErrorNamingIt() {
        Path missing = temp.resolve("no-such-password.txt");

        CliRun run = list(Map.of(VARIABLE, SigningKeys.PASSWORD), "--trust-store-password-file", missing);

        assertUsageError(run, missing.toString());
        assertTrue(run.err().contains("trust store password file does not exist"), run::toString);
    }

    @Test
    void passwordFileThatCannotBeReadIsAUsageErrorNamingIt() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("a-folder"));

        CliRun run = list(Map.of(), "--trust-store-password-file", folder);

        assertUsageError(run, folder.toString());
        assertTrue(run.err().contains("cannot read trust store password file"), run::toString);
    }

    @Test
    void passwordFileThatIsNotUtf8IsAUsageErrorNamingIt() throws Exception {
        Path latin1 = Files.write(temp.resolve("latin1.txt"), new byte[] {'s', (byte) 0xE9, 'c', '\n'});

        CliRun run = list(Map.of(), "--trust-store-password-file", latin1);

        assertUsageError(run, latin1.toString());
        assertTrue(run.err().contains("is not UTF-8 text"), run::toString);
    }

    @Test
    void passwordFileWithoutATrustStoreIsStillRead() {
        Path missing = temp.resolve("no-such-password.txt");

        CliRun run = CliRun.of("list", "--plugins", shared.resolve("plugins"), "--trust-store-password-file", missing);

        assertUsageError(run, missing.toString());
        assertTrue(run.err().contains("trust store password file does not exist"), run::toString);
    }

    private static void assertTrusted(CliRun run) {
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertEquals("OK", Json.find(Json.object(run).get("plugins"), "id", "p.trusted").get("status").asText(),
                run::toString);
    }

    /** The store was opened with {@code password}, not without one, and {@code password} appears nowhere. */
    private static void assertWrongPassword(CliRun run, String password) {
        assertUsageError(run, trustStore().toString());
        assertFalse(run.err().contains("without its password"), run::toString);
        assertFalse(run.toString().contains(password), run::toString);
    }

    private static void assertUsageError(CliRun run, String path) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains(path), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }
}
