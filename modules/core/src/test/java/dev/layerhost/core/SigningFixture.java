package dev.layerhost.core;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * The test kit's {@link SigningKeys} for the core's signature tests, with their trust stores read as the
 * host reads them ({@link TrustStore#load}), and the changes a signed jar may meet after signing.
 *
 * <pre>{@code
 * @TempDir static Path keyDirectory;
 * @BeforeAll static void generateKeys() { SigningFixture.generate(keyDirectory); }
 * ... SigningFixture.in(keyDirectory).sign(jar, Signer.ACME);
 * }</pre>
 */
final class SigningFixture {

    static final String PASSWORD = SigningKeys.PASSWORD;

    /** The keys that sign jars ({@link SigningKey}), with their certificates' subjects. */
    enum Signer {
        ACME(SigningKey.ACME),
        ROGUE(SigningKey.ROGUE),
        ISSUED(SigningKey.ISSUED),
        FORGED(SigningKey.FORGED);

        final SigningKey key;
        final String subject;

        Signer(SigningKey key) {
            this.key = key;
            this.subject = key.subject();
        }
    }

    private final SigningKeys keys;

    private SigningFixture(SigningKeys keys) {
        this.keys = keys;
    }

    /** The keys {@link #generate} wrote to {@code directory}. */
    static SigningFixture in(Path directory) {
        return new SigningFixture(SigningKeys.in(directory));
    }

    /** Generates every key, certificate and trust store in {@code directory}; returns them. */
    static SigningFixture generate(Path directory) {
        return new SigningFixture(SigningKeys.generate(directory));
    }

    /** The trust store that holds {@link Signer#ACME}'s certificate only. */
    Path trustStore() {
        return keys.trustStore();
    }

    /** The trust store that holds the CA's certificate only. */
    Path caTrustStore() {
        return keys.caTrustStore();
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
        return keys.sign(jar, signer.key);
    }

    /** Writes a copy of {@code jar} signed by {@code signer} to {@code target} (creating its folder); returns it. */
    Path signedCopy(Path jar, Path target, Signer signer) {
        return keys.signedCopy(jar, target, signer.key);
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
}
