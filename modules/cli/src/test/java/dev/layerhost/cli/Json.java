package dev.layerhost.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads a run's stdout as the contract demands: exactly one JSON object and nothing else. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The one JSON object of {@code run}'s stdout; fails the test if stdout is anything else. */
    static JsonNode object(CliRun run) {
        try {
            JsonNode node = MAPPER.readTree(run.out());
            assertTrue(node != null && node.isObject(), () -> "stdout is not one JSON object: " + run);
            return node;
        } catch (JsonProcessingException e) {
            return fail("stdout is not exactly one JSON object (" + e.getOriginalMessage() + "): " + run);
        }
    }

    /** The element of {@code array} whose field {@code field} is {@code value}; fails if there is none. */
    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText(null))) {
                return element;
            }
        }
        return fail("no element with " + field + " = " + value + " in " + array.toPrettyString());
    }

    /** The text values of {@code field} of every element of {@code array}, in order. */
    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText(null)));
        return values;
    }

    /** The text elements of {@code array}, in order. */
    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asText()));
        return values;
    }
}
