package dev.layerhost.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schemas of {@code docs/schema}, each read from its file: their {@code $id}s
 * ({@code https://layerhost.dev/schema/...}) are mapped to that folder, so no schema is fetched from the
 * network and the {@code $ref}s between them resolve to the files as they are.
 */
final class Schemas {

    private static final String PREFIX = "https://layerhost.dev/schema/";

    private final JsonSchemaFactory factory;

    Schemas(Path directory) {
        String folder = directory.toAbsolutePath().toUri().toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(PREFIX, folder)));
    }

    /** The schema of {@code docs/schema/<file>}. */
    JsonSchema schema(String file) {
        return factory.getSchema(SchemaLocation.of(PREFIX + file));
    }

    /** What {@code instance} breaks of the schema {@code file}, as readable lines; empty if it is valid. */
    List<String> violations(String file, JsonNode instance) {
        Set<ValidationMessage> messages = schema(file).validate(instance);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
