package dev.layerhost.cli;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Policy;
import dev.layerhost.core.SignatureMode;
import dev.layerhost.core.TrustStore;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every verb shares, and the host they describe. */
final class HostOptions {

    /** The sample API module the command brings along. */
    static final String BUILTIN_API = "layerhost.api";

    @Option(names = "--plugins", required = true, paramLabel = "DIR",
            description = "The plugin root: each .jar and each folder of jars in it is a plugin candidate.")
    Path pluginRoot;

    @Option(names = "--api", paramLabel = "PATH",
            description = "A jar, or a folder of jars, whose modules join the API layer (repeatable).")
    List<Path> apiPaths = new ArrayList<>();

    @Option(names = "--no-builtin-api",
            description = "Leave the built-in " + BUILTIN_API + " out of the API layer: it is then only the --api"
                    + " modules (at least one --api is needed).")
    boolean noBuiltinApi;

    @Option(names = "--deny-module", paramLabel = "NAME",
            description = "A module no plugin may require or bundle (repeatable); such a plugin is rejected"
                    + " with FORBIDDEN_MODULE.")
    List<String> deniedModules = new ArrayList<>();

    @Option(names = "--allow-service", paramLabel = "TYPE",
            description = "A service type plugins may provide (repeatable); when given, a plugin whose layer provides"
                    + " any other API service type is rejected with FORBIDDEN_SERVICE.")
    List<String> allowedServices = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID",
            description = "Switch the plugin with this id off (repeatable), as a line of the root's disabled.txt"
                    + " would: status DISABLED, no layer, none of its code runs.")
    List<String> disabledPlugins = new ArrayList<>();

    @Option(names = "--audit-log", paramLabel = "FILE",
            description = "Append one JSON line to FILE per discovery, verdict, load, reload, unload, rejection and"
                    + " failure, with each jar's name, size, SHA-256 and signer.")
    Path auditLog;

    @Option(names = "--json", description = "Print JSON on stdout instead of text: one object (watch: one object per line, per event).")
    boolean json;

    @Option(names = "--signatures", paramLabel = "MODE", defaultValue = "off",
            description = "off, warn or require: check jar signatures against the trust store (default: ${DEFAULT-VALUE}).")
    SignatureMode signatures;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "A PKCS12 or JKS key store whose certificates are trusted signers.")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PW", arity = "0..1", interactive = false,
            description = "The trust store's password, if it has one (also: --trust-store-password-file, or the"
                    + " environment variable " + TrustStorePassword.VARIABLE + ", which ps does not show).")
    String trustStorePassword;

    @Option(names = "--trust-store-password-file", paramLabel = "FILE",
            description = "A file whose first line is the trust store's password.")
    Path trustStorePasswordFile;

    private final Environment environment;

    HostOptions(Environment environment) {
        this.environment = environment;
    }

    /**
     * Checks what picocli cannot: options that contradict each other.
     *
     * @throws ParameterException if {@code --no-builtin-api} leaves no API at all
     */
    void check(CommandLine commandLine) {
        if (noBuiltinApi && apiPaths.isEmpty()) {
            throw new ParameterException(commandLine, "--no-builtin-api needs at least one --api PATH");
        }
    }

    PluginHost.Builder builder() {
        PluginHost.Builder builder = PluginHost.builder()
                .pluginRoot(pluginRoot)
                .policy(policy());
        // The JDK's module finder keeps the first module of a name: were the built-in API first, a host's
        // own layerhost.api of another version given by --api would be silently ignored.
        if (!noBuiltinApi && !ApiModuleNames.of(apiPaths).contains(BUILTIN_API)) {
            withDefaultApi(builder);
        }
        apiPaths.forEach(builder::apiPath);
        builder.disabledPlugins(Set.copyOf(disabledPlugins));
        Optional.ofNullable(auditLog).ifPresent(builder::auditLog);
        Optional<char[]> password = TrustStorePassword.choose(trustStorePassword, trustStorePasswordFile, environment);
        if (signatures != SignatureMode.OFF || trustStore != null) {
            Set<Certificate> trusted = trustStore == null ? Set.of() : TrustStore.load(trustStore, password);
            builder.policy(policy().withSignatures(signatures, trusted));
        }
        return builder;
    }

    /** The policy of the options but signatures: denied modules, allowed services. */
    private Policy policy() {
        return Policy.denying(Set.copyOf(deniedModules)).withAllowedServices(Set.copyOf(allowedServices));
    }

    /**
     * The command's documented default: the sample API module {@code layerhost.api} is in the API layer,
     * and {@code --api} adds to it (unless an {@code --api} module has its name, or {@code --no-builtin-api}).
     * On the class path (no module of its own) its jar is named instead.
     */
    private static void withDefaultApi(PluginHost.Builder builder) {
        Module api = DataSource.class.getModule();
        if (api.isNamed()) {
            builder.apiModule(api);
            return;
        }
        CodeSource codeSource = DataSource.class.getProtectionDomain().getCodeSource();
        try {
            builder.apiPath(Path.of(Objects.requireNonNull(codeSource, "code source of layerhost.api")
                    .getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate module layerhost.api", e);
        }
    }
}
