package dev.layerhost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

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

    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

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
        run(List.of(JAVA_BIN.resolve("jarsigner").toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-keystore", directory.resolve(alias + ".p12").toString(), "-storepass", PASSWORD,
                jar.toString(), alias));
        return jar;
    }

    /**
     * Rewrites {@code jar} with every entry as it was, signature files included, plus a new entry
     * {@code name}: what {@code jar uf} does to a signed jar.
     */
    static void addEntry(Path jar, String name, String content) {
        Path rewritten = jar.resolveSibling("." + jar.getFileName() + ".rewrite");
        try {
            try (ZipFile zip = new ZipFile(jar.toFile());
                    OutputStream file = Files.newOutputStream(rewritten);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + name + " to " + jar, e);
        }
    }

    /** Runs keytool in {@code directory} with the store password; relative file names are in it. */
    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(JAVA_BIN.resolve("keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD));
        run(command);
    }

    private void run(List<String> command) {
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit "
                        + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
