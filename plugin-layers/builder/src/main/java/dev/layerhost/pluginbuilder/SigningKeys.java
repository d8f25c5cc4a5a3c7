package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real keys, certificates and trust stores for signature tests, in one folder, made with the JDK's
 * {@code keytool} and used with its {@code jarsigner} (both run as processes by {@link JdkTool}, as a
 * plugin's publisher would run them).
 *
 * <p>{@link #generate(Path)} writes a key store {@code <alias>.p12} for each {@link SigningKey}; a CA
 * ({@value #CA_SUBJECT}) that issued {@link SigningKey#ISSUED}'s certificate; and two PKCS12 trust
 * stores: {@link #trustStore()} with {@link SigningKey#ACME}'s certificate only, {@link #caTrustStore()}
 * with the CA's only ({@link #generate(Path, Set)} writes what some of the keys need). Every store's
 * password is {@value #PASSWORD}. It takes a few seconds, so generate once per test class:
 *
 * <pre>{@code
 * @TempDir static Path keyDirectory;
 * @BeforeAll static void generateKeys() { SigningKeys.generate(keyDirectory); }
 * ... SigningKeys.in(keyDirectory).sign(jar, SigningKey.ACME);
 * }</pre>
 *
 * <p>Immutable: a handle on a folder; it checks nothing until a tool runs.
 */
public final class SigningKeys {

    /** The password of every key store and trust store. */
    public static final String PASSWORD = "secret";

    /** The subject of the CA's certificate, and of the forged CA's. */
    public static final String CA_SUBJECT = "CN=Acme CA";

    private final Path directory;

    private SigningKeys(Path directory) {
        this.directory = directory;
    }

    /** The keys {@link #generate} wrote to {@code directory} earlier. */
    public static SigningKeys in(Path directory) {
        return new SigningKeys(directory);
    }

    /**
     * Generates every key, certificate and trust store in {@code directory}, which is created if
     * missing; returns them.
     *
     * @throws IllegalStateException if keytool fails (the message holds its output)
     */
    public static SigningKeys generate(Path directory) {
        return generate(directory, EnumSet.allOf(SigningKey.class));
    }

    /**
     * Generates the key store of each of {@code signers} in {@code directory}, which is created if
     * missing, and what they need: {@link #trustStore()} with {@link SigningKey#ACME}, the CA and
     * {@link #caTrustStore()} with {@link SigningKey#ISSUED} or {@link SigningKey#FORGED}. Each
     * {@code keytool} run starts a JVM, so a test that signs with fewer keys is ready sooner.
     *
     * <pre>{@code
     * SigningKeys.generate(keyDirectory, EnumSet.of(SigningKey.ACME, SigningKey.ROGUE));
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code signers} is empty
     * @throws IllegalStateException if keytool fails (the message holds its output)
     */
    public static SigningKeys generate(Path directory, Set<SigningKey> signers) {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("No key to generate in " + directory);
        }
        SigningKeys keys = new SigningKeys(directory);
        // The keys are independent but for the CA, so they are made side by side.
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Void> ca = signers.contains(SigningKey.ISSUED) || signers.contains(SigningKey.FORGED)
                    ? CompletableFuture.runAsync(keys::generateCa, executor)
                    : CompletableFuture.completedFuture(null);
            List<CompletableFuture<Void>> steps = new ArrayList<>(List.of(ca));
            for (SigningKey signer : EnumSet.copyOf(signers)) {
                steps.add(keys.generateKeyStore(signer, ca, executor));
            }
            CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // The tool's own exception: its message holds keytool's output.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            executor.shutdown();
        }
        return keys;
    }

    /** The CA's key store, its certificate {@code ca.pem}, and {@link #caTrustStore()}. */
    private void generateCa() {
        genkeypair("ca.p12", "ca", CA_SUBJECT, "-ext", "bc:c");
        trust("ca", "ca.p12", "ca-trust.p12");
    }

    /** The key store of {@code signer}, once {@code ca} is done where the CA takes part. */
    private CompletableFuture<Void> generateKeyStore(SigningKey signer, CompletableFuture<Void> ca,
            ExecutorService executor) {
        return switch (signer) {
            case ACME -> CompletableFuture.runAsync(() -> {
                genkeypair(SigningKey.ACME);
                trust(SigningKey.ACME.alias(), keyStore(SigningKey.ACME), "trust.p12");
            }, executor);
            case ROGUE -> CompletableFuture.runAsync(() -> genkeypair(SigningKey.ROGUE), executor);
            case ISSUED -> CompletableFuture.runAsync(() -> request(SigningKey.ISSUED), executor)
                    .thenCombineAsync(ca, (done, caDone) -> {
                        String alias = SigningKey.ISSUED.alias();
                        String keyStore = keyStore(SigningKey.ISSUED);
                        issue("ca.p12", "ca", alias);
                        // The CA first, so that keytool can build the chain of the certificate reply.
                        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", keyStore, "-file", "ca.pem");
                        keytool("-importcert", "-noprompt", "-alias", alias, "-keystore", keyStore,
                                "-file", alias + ".pem");
                        return null;
                    }, executor);
            case FORGED -> CompletableFuture.runAsync(() -> {
                genkeypair("fake-ca.p12", "fake", CA_SUBJECT, "-ext", "bc:c");
                request(SigningKey.FORGED);
                issue("fake-ca.p12", "fake", SigningKey.FORGED.alias());
            }, executor).thenCombineAsync(ca, (done, caDone) -> {
                // The forged certificate, then the real CA's: a chain whose second link did not sign the first.
                concatenate(forgedChain(), SigningKey.FORGED.alias() + ".pem", "ca.pem");
                return null;
            }, executor);
        };
    }

    /** The folder that holds the keys. */
    public Path directory() {
        return directory;
    }

    /** The PKCS12 trust store that holds {@link SigningKey#ACME}'s certificate only. */
    public Path trustStore() {
        return directory.resolve("trust.p12");
    }

    /** The PKCS12 trust store that holds the CA's certificate only. */
    public Path caTrustStore() {
        return directory.resolve("ca-trust.p12");
    }

    /**
     * Signs {@code jar} in place with {@code key}; returns {@code jar}.
     *
     * @throws IllegalStateException if jarsigner fails (the message holds its output)
     */
    public Path sign(Path jar, SigningKey key) {
        jarsigner(key, List.of(jar.toString(), key.alias()));
        return jar;
    }

    /**
     * Writes a copy of {@code jar} signed with {@code key} to {@code target}, creating its folder, and
     * leaves {@code jar} as it was; returns {@code target}.
     *
     * @throws IllegalStateException if jarsigner fails (the message holds its output)
     * @throws UncheckedIOException if the folder of {@code target} cannot be created
     */
    public Path signedCopy(Path jar, Path target, SigningKey key) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + target, e);
        }
        jarsigner(key, List.of("-signedjar", target.toString(), jar.toString(), key.alias()));
        return target;
    }

    private void jarsigner(SigningKey key, List<String> jarAndAlias) {
        List<String> arguments = new ArrayList<>(List.of(
                "-keystore", directory.resolve(keyStore(key)).toString(), "-storepass", PASSWORD));
        if (key == SigningKey.FORGED) {
            arguments.addAll(List.of("-certchain", directory.resolve(forgedChain()).toString()));
        }
        arguments.addAll(jarAndAlias);
        JdkTool.run(directory, "jarsigner", arguments);
    }

    private static String forgedChain() {
        return SigningKey.FORGED.alias() + "-chain.pem";
    }

    /** The key store of {@code key}, relative to the folder. */
    private static String keyStore(SigningKey key) {
        return key.alias() + ".p12";
    }

    private void genkeypair(SigningKey key) {
        genkeypair(keyStore(key), key.alias(), key.subject());
    }

    private void genkeypair(String keystore, String alias, String subject, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-keystore", keystore, "-storetype", "PKCS12", "-dname", subject, "-validity", "30"));
        arguments.addAll(List.of(extra));
        keytool(arguments.toArray(String[]::new));
    }

    /**
     * Exports the certificate {@code alias} of {@code keystore} to {@code <alias>.pem} and imports it
     * into {@code trustStore}.
     */
    private void trust(String alias, String keystore, String trustStore) {
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore, "-file", alias + ".pem");
        keytool("-importcert", "-noprompt", "-alias", alias, "-keystore", trustStore, "-storetype", "PKCS12",
                "-file", alias + ".pem");
    }

    /** A key pair in the key store of {@code key} and its certificate request {@code <alias>.csr}. */
    private void request(SigningKey key) {
        genkeypair(key);
        keytool("-certreq", "-alias", key.alias(), "-keystore", keyStore(key), "-file", key.alias() + ".csr");
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

    /** Runs keytool in the folder, with the store password; relative file names are in it. */
    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD));
        JdkTool.run(directory, "keytool", command);
    }
}
