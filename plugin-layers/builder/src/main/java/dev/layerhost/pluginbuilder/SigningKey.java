package dev.layerhost.pluginbuilder;

/**
 * The keys {@link SigningKeys#generate} makes to sign jars with, each with its certificate's subject.
 * Which trust store holds which certificate is what signature tests are about:
 *
 * <pre>{@code
 * keys.sign(jar, SigningKey.ROGUE);
 * assertEquals(List.of(SigningKey.ROGUE.subject()), untrusted.details().get("signers"));
 * }</pre>
 */
public enum SigningKey {

    /** Self-signed; its certificate is the only one of {@link SigningKeys#trustStore()}. */
    ACME("acme", "CN=Acme Plugins"),

    /** Self-signed; no trust store holds its certificate. */
    ROGUE("rogue", "CN=Rogue"),

    /** Its certificate was issued by the CA whose certificate is the only one of {@link SigningKeys#caTrustStore()}. */
    ISSUED("build", "CN=Acme Build"),

    /**
     * Its certificate was issued by a second CA of the same name as the real one, and it signs with a
     * chain that names the real CA's certificate: a chain whose second link did not sign the first.
     */
    FORGED("mallory", "CN=Mallory");

    private final String alias;
    private final String subject;

    SigningKey(String alias, String subject) {
        this.alias = alias;
        this.subject = subject;
    }

    /** The key's alias in its key store {@code <alias>.p12}, which jarsigner names the signature files after. */
    public String alias() {
        return alias;
    }

    /** The subject of the key's certificate, for example {@code CN=Rogue}. */
    public String subject() {
        return subject;
    }
}
