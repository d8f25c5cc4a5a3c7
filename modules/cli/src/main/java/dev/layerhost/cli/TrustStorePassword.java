package dev.layerhost.cli;

import dev.layerhost.core.HostSetupException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the trust store's password comes from: {@code --trust-store-password PW}, else the first line of
 * {@code --trust-store-password-file FILE}, else the environment variable {@value #VARIABLE}; the explicit
 * option before the file before the environment, and never both options at once. The last two keep the
 * password out of {@code ps}. No message names the password, only where it came from.
 */
final class TrustStorePassword {

    /** The environment variable that holds the password when no option gives it. */
    static final String VARIABLE = "LAYERHOST_TRUST_STORE_PASSWORD";

    /** How long a first line may be: a password, not a file read to its end whatever it holds. */
    private static final int MAX_LENGTH = 4096;

    private TrustStorePassword() {
    }

    /**
     * The password: {@code option} if given, else the first line of {@code file} if given (without its
     * line end, {@code \n} or {@code \r\n}; the file may be a pipe, such as {@code /dev/stdin}), else
     * {@value #VARIABLE} of {@code environment}; empty if none is.
     *
     * @param option the value of {@code --trust-store-password}, or null
     * @param file   the value of {@code --trust-store-password-file}, or null
     * @throws HostSetupException if both options are given, or the file cannot be read, is not UTF-8 text,
     *                            or its first line is longer than {@value #MAX_LENGTH} characters
     */
    static Optional<char[]> choose(String option, Path file, Environment environment) {
        if (option != null && file != null) {
            throw new HostSetupException("give the trust store password with --trust-store-password or with"
                    + " --trust-store-password-file " + file + ", not both", file);
        }
        if (option != null) {
            return Optional.of(option.toCharArray());
        }
        if (file != null) {
            return Optional.of(firstLine(file));
        }
        return environment.variable(VARIABLE).map(String::toCharArray);
    }

    private static char[] firstLine(Path file) {
        // A strict decoder: a password that is not UTF-8 would silently become another one.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream bytes = Files.newInputStream(file); Reader text = new InputStreamReader(bytes, decoder)) {
            char[] line = new char[MAX_LENGTH];
            int length = 0;
            for (int c = text.read(); c != -1 && c != '\n'; c = text.read()) {
                if (length == MAX_LENGTH) {
                    throw new HostSetupException("the first line of trust store password file " + file
                            + " is longer than " + MAX_LENGTH + " characters", file);
                }
                line[length++] = (char) c;
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            char[] password = Arrays.copyOf(line, length);
            Arrays.fill(line, '\0');
            return password;
        } catch (NoSuchFileException e) {
            throw new HostSetupException("trust store password file does not exist: " + file, file);
        } catch (CharacterCodingException e) {
            throw new HostSetupException("trust store password file " + file + " is not UTF-8 text", file);
        } catch (IOException e) {
            // An AccessDeniedException's message is the file's name alone.
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
            throw new HostSetupException("cannot read trust store password file " + file + ": " + reason, file);
        }
    }
}
