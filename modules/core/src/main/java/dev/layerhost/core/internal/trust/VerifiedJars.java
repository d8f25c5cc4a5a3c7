package dev.layerhost.core.internal.trust;

import java.security.CodeSigner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The verdicts of jars already verified, by the SHA-256 of their content and how deep they were read,
 * so that a reload verifies only the jars whose bytes are new: at most {@code capacity} of them, the
 * least recently used dropped first. A verdict is what the bytes say ({@link JarSignature}); whether a
 * signer is trusted is decided anew on every check, so a verdict can outlive neither a change of the
 * jar's bytes (another hash) nor of the trusted certificates. Verdicts that do not follow from the bytes
 * ({@link JarSignature.Unreadable}) are not kept. Thread-safe.
 */
final class VerifiedJars {

    static final int DEFAULT_CAPACITY = 16_384;

    /**
     * @param sha256        the jar's content hash
     * @param readUnsigned  whether an unsigned jar was read to the end ({@code warn}) or only its central
     *                      directory ({@code require}): the same bytes may give another verdict
     */
    private record Key(String sha256, boolean readUnsigned) {
    }

    private final int capacity;
    private final Map<Key, JarSignature> verdicts;
    /**
     * One instance of each signer the kept verdicts name: every jar's verification parses its own copy of
     * the same certificates, a few KB each.
     */
    private final Map<CodeSigner, CodeSigner> signers = new HashMap<>();

    VerifiedJars(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.verdicts = new LinkedHashMap<>(16, 0.75f, true);
    }

    synchronized Optional<JarSignature> find(String sha256, boolean readUnsigned) {
        return Optional.ofNullable(verdicts.get(new Key(sha256, readUnsigned)));
    }

    synchronized void keep(String sha256, boolean readUnsigned, JarSignature verdict) {
        if (!verdict.fromContent()) {
            return;
        }
        if (verdict instanceof JarSignature.Signed signed) {
            if (signers.size() >= capacity) {
                signers.clear(); // only sharing is lost: every kept verdict holds its own signers
            }
            verdict = new JarSignature.Signed(signed.signers().stream()
                    .map(signer -> signers.computeIfAbsent(signer, s -> s)).toList());
        }
        verdicts.put(new Key(sha256, readUnsigned), verdict);
        if (verdicts.size() > capacity) {
            verdicts.remove(verdicts.keySet().iterator().next());
        }
    }

    synchronized int size() {
        return verdicts.size();
    }
}
