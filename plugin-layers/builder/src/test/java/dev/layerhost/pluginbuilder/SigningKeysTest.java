package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() {
        SigningKeys.generate(shared.resolve("keys"));
    }

    private static SigningKeys keys() {
        return SigningKeys.in(shared.resolve("keys"));
    }

    private Path unsignedJar() {
        return PluginJar.builder("p.signed").version("1.0.0").emptyClass("p.signed.Signed")
                .build(dir.resolve("unsigned/signed.jar"));
    }

    /** The subjects of the certificates in {@code trustStore}. */
    private static List<String> subjects(Path trustStore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(trustStore.toFile(), SigningKeys.PASSWORD.toCharArray());
        var subjects = new ArrayList<String>();
        for (String alias : Collections.list(store.aliases())) {
            subjects.add(subject((X509Certificate) store.getCertificate(alias)));
        }
        return subjects;
    }

    /** The certificate chain that signed the class of {@code jar}; null if it is unsigned. */
    private static List<X509Certificate> chain(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile(), true)) {
            JarEntry entry = file.getJarEntry("p/signed/Signed.class");
            // A jar entry's signers are known once its content has been read.
            try (InputStream in = file.getInputStream(entry)) {
                in.readAllBytes();
            }
            if (entry.getCodeSigners() == null) {
                return null;
            }
            List<? extends Certificate> certificates = entry.getCodeSigners()[0].getSignerCertPath().getCertificates();
            return certificates.stream().map(X509Certificate.class::cast).toList();
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    @Test
    void trustStoreHoldsAcmesCertificateOnly() throws Exception {
        assertEquals(List.of(SigningKey.ACME.subject()), subjects(keys().trustStore()));
    }

    @Test
    void caTrustStoreHoldsTheCaCertificateOnly() throws Exception {
        assertEquals(List.of(SigningKeys.CA_SUBJECT), subjects(keys().caTrustStore()));
    }

    @Test
    void signNamesTheKeysSubjectInTheJar() throws IOException {
        for (SigningKey key : List.of(SigningKey.ACME, SigningKey.ROGUE)) {
            Path jar = keys().sign(unsignedJar(), key);

            List<X509Certificate> chain = chain(jar);
            assertEquals(1, chain.size(), key + " is self-signed");
            assertEquals(key.subject(), subject(chain.get(0)));
        }
    }

    @Test
    void issuedKeySignsWithAChainUpToTheCa() throws Exception {
        List<X509Certificate> chain = chain(keys().sign(unsignedJar(), SigningKey.ISSUED));

        assertEquals(List.of(SigningKey.ISSUED.subject(), SigningKeys.CA_SUBJECT),
                chain.stream().map(SigningKeysTest::subject).toList());
        chain.get(0).verify(chain.get(1).getPublicKey());
    }

    @Test
    void forgedKeyNamesTheRealCaWhichDidNotIssueItsCertificate() throws Exception {
        List<X509Certificate> chain = chain(keys().sign(unsignedJar(), SigningKey.FORGED));

        assertEquals(List.of(SigningKey.FORGED.subject(), SigningKeys.CA_SUBJECT),
                chain.stream().map(SigningKeysTest::subject).toList());
        X509Certificate realCa = (X509Certificate) KeyStore.getInstance(keys().caTrustStore().toFile(),
                SigningKeys.PASSWORD.toCharArray()).getCertificate("ca");
        assertEquals(realCa, chain.get(1));
        assertThrows(SignatureException.class, () -> chain.get(0).verify(realCa.getPublicKey()));
    }

    @Test
    void signedCopyLeavesTheOriginalUnsigned() throws IOException {
        Path original = unsignedJar();

        Path copy = keys().signedCopy(original, dir.resolve("signed/copy.jar"), SigningKey.ACME);

        assertEquals(dir.resolve("signed/copy.jar"), copy);
        assertEquals(SigningKey.ACME.subject(), subject(chain(copy).get(0)));
        assertNull(chain(original));
    }

    @Test
    void someSignersGetOnlyTheStoresTheyNeed() throws IOException {
        SigningKeys rogueOnly = SigningKeys.generate(dir.resolve("rogue-keys"), EnumSet.of(SigningKey.ROGUE));

        assertEquals(List.of("rogue.p12"), fileNames(rogueOnly.directory()), "no trust store, no CA");
        Path signed = rogueOnly.sign(unsignedJar(), SigningKey.ROGUE);
        assertEquals(SigningKey.ROGUE.subject(), subject(chain(signed).get(0)));
    }

    @Test
    void noSignerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.generate(dir.resolve("none"), Set.of()));
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
