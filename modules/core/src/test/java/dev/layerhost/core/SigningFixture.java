package dev.layerhost.core;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.JdkTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real keys, certificates and trust stores for signature tests, made with the JDK's {@code keytool} and
 * {@code jarsigner} (run as processes, as a plugin's publisher would), and the changes a signed jar may
 * meet after signing.
 *
 * <p>{@link #generate} writes, in one directory: a self-signed key {@link Signer#ACME} whose certificate
 * is the only one of {@link #trustStore()}; an unrelated self-signed key {@link Signer#ROGUE}; a CA
 * ({@value #CA_SUBJECT}) whose certificate is the only one of {@link #caTrustStore()}, and
 * {@link Signer#ISSUED}, a key whose certificate that CA issued ({@code keytool -gencert}); and
 * {@link Signer#FORGED}, a key whose certificate a second CA of the same name issued, signing with a
 * chain that names the real CA's certificate. It takes a few seconds, so generate once per test class:
 *
 * <pre>{@code
 * @TempDir static Path keyDirectory;
 * @BeforeAll static void generateKeys() { SigningFixture.generate(keyDirectory); }
 * ... SigningFixture.in(keyDirectory).sign(jar, Signer.ACME);
 * }</pre>
 */
final class SigningFixture {

    static final String PASSWORD = "secret";
    static final String CA_SUBJECT = "CN=Acme CA";

    /** The keys that sign jars, with their certificates' subjects. */
    enum Signer {
        ACME("acme", "CN=Acme Plugins"),
        ROGUE("rogue", "CN=Rogue"),
        ISSUED("build", "CN=Acme Build"),
        FORGED("mallory", "CN=Mallory");

        final String alias;
        final String subject;

        Signer(String alias, String subject) {
            this.alias = alias;
            this.subject = subject;
        }
    }

    private final Path directory;

    private SigningFixture(Path directory) {
        this.directory = directory;
    }

    /** The keys {@link #generate} wrote to {@code directory}. */
    static SigningFixture in(Path directory) {
        return new SigningFixture(directory);
    }

    /** Generates every key, certificate and trust store in {@code directory}; returns them. */
    static SigningFixture generate(Path directory) {
        SigningFixture keys = new SigningFixture(directory);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Void> ca = CompletableFuture.runAsync(() -> {
                keys.genkeypair("ca.p12", "ca", CA_SUBJECT, "-ext", "bc:c");
                keys.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
                keys.keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", "ca-trust.p12",
                        "-storetype", "PKCS12", "-file", "ca.pem");
            }, executor);
            CompletableFuture<Void> acme = CompletableFuture.runAsync(() -> {
                keys.genkeypair("acme.p12", "acme", Signer.ACME.subject);
                keys.keytool("-exportcert", "-rfc", "-alias", "acme", "-keystore", "acme.p12", "-file", "acme.pem");
                keys.keytool("-importcert", "-noprompt", "-alias", "acme", "-keystore", "trust.p12",
                        "-storetype", "PKCS12", "-file", "acme.pem");
            }, executor);
            CompletableFuture<Void> rogue = CompletableFuture.runAsync(
                    () -> keys.genkeypair("rogue.p12", "rogue", Signer.ROGUE.subject), executor);
            CompletableFuture<Void> issued = CompletableFuture.runAsync(
                    () -> keys.request("build.p12", "build", Signer.ISSUED.subject), executor)
                    .thenCombineAsync(ca, (done, caDone) -> {
                        keys.issue("ca.p12", "ca", "build");
                        // The CA first, so that keytool can build the chain of the certificate reply.
                        keys.keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", "build.p12",
                                "-file", "ca.pem");
                        keys.keytool("-importcert", "-noprompt", "-alias", "build", "-keystore", "build.p12",
                                "-file", "build.pem");
                        return null;
                    }, executor);
            CompletableFuture<Void> forged = CompletableFuture.runAsync(() -> {
                keys.genkeypair("fake-ca.p12", "fake", CA_SUBJECT, "-ext", "bc:c");
                keys.request("mallory.p12", "mallory", Signer.FORGED.subject);
                keys.issue("fake-ca.p12", "fake", "mallory");
            }, executor).thenCombineAsync(ca, (done, caDone) -> {
                // Mallory's certificate, then the real CA's: a chain whose second link did not sign the first.
                keys.concatenate("mallory-chain.pem", "mallory.pem", "ca.pem");
                return null;
            }, executor);
            CompletableFuture.allOf(ca, acme, rogue, issued, forged).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            executor.shutdown();
        }
        return keys;
    }

    /** The trust store that holds {@link Signer#ACME}'s certificate only. */
    Path trustStore() {
        return directory.resolve("trust.p12");
    }

    /** The trust store that holds the CA's certificate only. */
    Path caTrustStore() {
        return directory.resolve("ca-trust.p12");
    }

    /** The certificates of {@link #trustStore()}, read by {@link TrustStore#load}. */
    Set<Certificate> trusted() {
        return TrustStore.load(trustStore(), Optional.of(PASSWORD.toCharArray()));
    }

    /** The certificates of {@link #caTrustStore()}, read by {@link TrustStore#load}. */
    Set<Certificate> caTrusted() {
        return TrustStore.load(caTrustStore(), Optional.of(PASSWORD.toCharArray()));
    }

    /** Signs {@code jar} in place with {@code signer}'s key; returns {@code jar}. */
    Path sign(Path jar, Signer signer) {
        List<String> arguments = new ArrayList<>(List.of(
                "-keystore", directory.resolve(signer.alias + ".p12").toString(), "-storepass", PASSWORD));
        if (signer == Signer.FORGED) {
            arguments.addAll(List.of("-certchain", directory.resolve("mallory-chain.pem").toString()));
        }
        arguments.addAll(List.of(jar.toString(), signer.alias));
        JdkTool.run(directory, "jarsigner", arguments);
        return jar;
    }

    /** Copies {@code jar} to {@code target} (creating its folder) and signs the copy; returns {@code target}. */
    Path signedCopy(Path jar, Path target, Signer signer) {
        return sign(copy(jar, target), signer);
    }

    /** Copies {@code jar} to {@code target}, creating its folder; returns {@code target}. */
    static Path copy(Path jar, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " to " + target, e);
        }
    }

    /**
     * Rewrites {@code jar} with every entry as it was, signature files included, plus a new entry
     * {@code name}: what {@code jar uf} does to a signed jar (see {@link Corruption#addEntry}).
     */
    static void addEntry(Path jar, String name, String content) {
        Corruption.addEntry(jar, name, content);
    }

    /**
     * Rewrites {@code jar} with every entry as it was, signature files included, except that in
     * {@code entry} the bytes of {@code from} are replaced with those of {@code to} (as long): a class
     * file stays a valid class file whose digest no longer matches the signed manifest (see
     * {@link Corruption#replaceInEntry}).
     *
     * @throws IllegalArgumentException if {@code entry} does not hold {@code from}
     */
    static void replaceInEntry(Path jar, String entry, String from, String to) {
        Corruption.replaceInEntry(jar, entry, from, to);
    }

    private void genkeypair(String keystore, String alias, String subject, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-keystore", keystore, "-storetype", "PKCS12", "-dname", subject, "-validity", "30"));
        arguments.addAll(List.of(extra));
        keytool(arguments.toArray(String[]::new));
    }

    /** A key pair in {@code keystore} and its certificate request {@code <alias>.csr}. */
    private void request(String keystore, String alias, String subject) {
        genkeypair(keystore, alias, subject);
        keytool("-certreq", "-alias", alias, "-keystore", keystore, "-file", alias + ".csr");
    }

    /** The CA key {@code caAlias} of {@code caKeystore} issues {@code <alias>.pem} for {@code <alias>.csr}. */
    private void issue(String caKeystore, String caAlias, String alias) {
        keytool("-gencert", "-rfc", "-alias", caAlias, "-keystore", caKeystore, "-validity", "30",
                "-infile", alias + ".csr", "-outfile", alias + ".pem");
    }

    private void concatenate(String target, String... pems) {
        try {
            StringBuilder text = new StringBuilder();
            for (String pem : pems) {
                text.append(Files.readString(directory.resolve(pem)));
            }
            Files.writeString(directory.resolve(target), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Runs keytool in {@code directory}, with the store password; relative file names are in it. */
    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD));
        JdkTool.run(directory, "keytool", command);
    }
}
