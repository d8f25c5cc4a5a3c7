package dev.layerhost.core.internal.audit;

import dev.layerhost.core.AuditRecord;
import dev.layerhost.core.AuditSink;
import dev.layerhost.core.AuditedJar;
import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.HostSetupException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log file: one JSON object per line, appended, never rewritten (SPEC "Audit log").
 *
 * <p>Each line is written with one {@code write} on a channel opened for appending, as soon as its record
 * happens: the kernel has it then, so a process killed at any moment leaves every earlier line whole,
 * and two processes appending to one file never mix their lines. A process killed in the middle of a
 * write can leave a partial last line; the next log opened on the file starts its first line on a new
 * line, so the partial one stays a line of its own that a reader skips as not JSON. The file is forced to
 * its device ({@code fsync}) at the end of every pass and when the host closes: a power loss can take the
 * lines of the pass that was running, never those of a pass that ended. A write that fails (a full disk)
 * is logged, and the host goes on.
 */
public final class AuditLogFile implements AuditSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditLogFile.class);

    private final Path file;
    private final JsonFactory json = new JsonFactory();
    /** Guarded by this object's lock, as are the fields below. */
    private final FileChannel channel;
    /** Whether the file ended in a partial line when opened: the first line written starts a new one. */
    private boolean newLineFirst;
    /** Whether lines were written since the file was last forced to its device. */
    private boolean unsynced;
    /** Whether the last write failed, so that a failing disk is not reported once per line. */
    private boolean failing;
    private boolean closed;

    private AuditLogFile(Path file, FileChannel channel, boolean newLineFirst) {
        this.file = file;
        this.channel = channel;
        this.newLineFirst = newLineFirst;
    }

    /**
     * Opens {@code file} for appending, creating it if missing.
     *
     * @throws HostSetupException if it cannot be opened for writing (no folder, no permission, a folder)
     */
    public static AuditLogFile open(Path file) {
        if (file.toString().isEmpty()) {
            throw new HostSetupException("audit log is an empty path; name a file", file);
        }
        try {
            boolean partialLastLine = endsInPartialLine(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new AuditLogFile(file, channel, partialLastLine);
        } catch (IOException | UnsupportedOperationException e) {
            throw new HostSetupException("cannot open audit log " + file + ": " + reasonOf(e), file);
        }
    }

    private static boolean endsInPartialLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    @Override
    public void record(AuditRecord record) {
        byte[] line = lineOf(record);
        synchronized (this) {
            if (closed) {
                return;
            }
            ByteBuffer bytes;
            if (newLineFirst) {
                bytes = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip();
            } else {
                bytes = ByteBuffer.wrap(line);
            }
            try {
                // One write of the whole line: a file opened for appending takes it at its end, whole.
                channel.write(bytes);
                if (bytes.hasRemaining()) {
                    // a short write (a full disk): the line is cut, and what follows must start a new one
                    newLineFirst = true;
                    throw new IOException("only " + bytes.position() + " of " + bytes.limit() + " bytes written");
                }
                newLineFirst = false;
                unsynced = true;
                failing = false;
            } catch (IOException e) {
                // a part of the line may be in the file: the next line starts on a line of its own
                newLineFirst = true;
                reportFailure("write to", e);
            }
        }
    }

    @Override
    public synchronized void endOfPass() {
        // a watcher's pass that changed nothing wrote nothing: no sync every poll
        if (closed || !unsynced) {
            return;
        }
        try {
            channel.force(true);
            unsynced = false;
        } catch (IOException e) {
            reportFailure("sync", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        endOfPass();
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            reportFailure("close", e);
        }
    }

    private void reportFailure(String action, IOException e) {
        if (!failing) {
            log.warn("Cannot {} audit log '{}': {}", action, file, reasonOf(e));
        }
        failing = true;
    }

    /** The record as one line of JSON, with its line end, in UTF-8. */
    private byte[] lineOf(AuditRecord record) {
        // To a string first: a file name that is not valid Unicode (a lone surrogate) becomes '?' in UTF-8
        // rather than an error of the generator.
        StringWriter text = new StringWriter();
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("at", record.at().truncatedTo(ChronoUnit.MILLIS).toString());
            out.writeStringField("event", record.event().name());
            out.writeStringField("plugin", record.plugin().orElse(null));
            out.writeStringField("version", record.version().orElse(null));
            out.writeStringField("source", record.source());
            out.writeArrayFieldStart("jars");
            for (AuditedJar jar : record.jars()) {
                writeJar(jar, out);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("diagnostics");
            for (Diagnostic diagnostic : record.diagnostics()) {
                writeDiagnostic(diagnostic, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            // a StringWriter does not fail, and every value is a string, a number or a list of strings
            throw new UncheckedIOException("cannot write an audit record as JSON", e);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void writeJar(AuditedJar jar, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("file", jar.file());
        out.writeNumberField("size", jar.size());
        out.writeStringField("sha256", jar.sha256());
        if (jar.signer().isPresent()) {
            out.writeObjectFieldStart("signer");
            out.writeStringField("subject", jar.signer().get().subject());
            out.writeStringField("sha256", jar.signer().get().sha256());
            out.writeEndObject();
        } else {
            out.writeNullField("signer");
        }
        out.writeEndObject();
    }

    /** As in the command's JSON: the names of the message in {@code details}, keys sorted. */
    private static void writeDiagnostic(Diagnostic diagnostic, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("code", diagnostic.code().name());
        out.writeStringField("severity", diagnostic.severity().name());
        out.writeStringField("plugin", diagnostic.plugin().orElse(null));
        out.writeStringField("source", diagnostic.source());
        out.writeStringField("message", diagnostic.message());
        out.writeStringField("hint", diagnostic.hint());
        out.writeObjectFieldStart("details");
        for (Map.Entry<String, Object> detail : new TreeMap<>(diagnostic.details()).entrySet()) {
            if (detail.getValue() instanceof List<?> values) {
                out.writeArrayFieldStart(detail.getKey());
                for (Object value : values) {
                    out.writeString((String) value);
                }
                out.writeEndArray();
            } else {
                out.writeStringField(detail.getKey(), (String) detail.getValue());
            }
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static String reasonOf(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage().replace('\n', ' ');
    }
}
