package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.JdkTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two signing keys and a trust store for the CLI's signature tests, made with the JDK's {@code keytool}
 * and used with its {@code jarsigner}, both run as processes: {@code acme} ({@value #ACME_SUBJECT}),
 * whose certificate is the one entry of {@link #trustStore()}, and {@code rogue} ({@value #ROGUE_SUBJECT}),
 * which no trust store holds. Generate once per test class:
 *
 * <pre>{@code
 * @TempDir static Path keyDirectory;
 * @BeforeAll static void generateKeys() { SigningKeys.generate(keyDirectory); }
 * ... SigningKeys.in(keyDirectory).sign(jar, "acme");
 * }</pre>
 */
final class SigningKeys {

    static final String PASSWORD = "secret";
    static final String ACME = "acme";
    static final String ROGUE = "rogue";
    static final String ACME_SUBJECT = "CN=Acme Plugins";
    static final String ROGUE_SUBJECT = "CN=Rogue";

    private final Path directory;

    private SigningKeys(Path directory) {
        this.directory = directory;
    }

    /** The keys {@link #generate} wrote to {@code directory}. */
    static SigningKeys in(Path directory) {
        return new SigningKeys(directory);
    }

    /** Generates both keys and the trust store in {@code directory}; returns them. */
    static SigningKeys generate(Path directory) {
        SigningKeys keys = new SigningKeys(directory);
        keys.keytool("-genkeypair", "-alias", ACME, "-keyalg", "EC", "-keystore", ACME + ".p12",
                "-storetype", "PKCS12", "-dname", ACME_SUBJECT, "-validity", "30");
        keys.keytool("-genkeypair", "-alias", ROGUE, "-keyalg", "EC", "-keystore", ROGUE + ".p12",
                "-storetype", "PKCS12", "-dname", ROGUE_SUBJECT, "-validity", "30");
        keys.keytool("-exportcert", "-rfc", "-alias", ACME, "-keystore", ACME + ".p12", "-file", "acme.pem");
        keys.keytool("-importcert", "-noprompt", "-alias", ACME, "-keystore", "trust.p12", "-storetype", "PKCS12",
                "-file", "acme.pem");
        return keys;
    }

    /** A PKCS12 trust store, password {@value #PASSWORD}, that holds the certificate of {@code acme} only. */
    Path trustStore() {
        return directory.resolve("trust.p12");
    }

    /** Signs {@code jar} in place with the key {@code alias} ({@link #ACME} or {@link #ROGUE}); returns it. */
    Path sign(Path jar, String alias) {
        JdkTool.run(directory, "jarsigner", List.of("-keystore", directory.resolve(alias + ".p12").toString(),
                "-storepass", PASSWORD, jar.toString(), alias));
        return jar;
    }

    /**
     * Rewrites {@code jar} with every entry as it was, signature files included, plus a new entry
     * {@code name}: what {@code jar uf} does to a signed jar (see {@link Corruption#addEntry}).
     */
    static void addEntry(Path jar, String name, String content) {
        Corruption.addEntry(jar, name, content);
    }

    /** Runs keytool in {@code directory} with the store password; relative file names are in it. */
    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD));
        JdkTool.run(directory, "keytool", command);
    }
}
