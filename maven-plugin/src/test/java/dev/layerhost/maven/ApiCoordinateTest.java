package dev.layerhost.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiCoordinateTest {

    @Test
    void groupAndArtifactLeaveTheVersionOpen() {
        ApiCoordinate coordinate = ApiCoordinate.parse(" dev.layerhost:layerhost-api ");
        assertEquals(new ApiCoordinate("dev.layerhost", "layerhost-api", Optional.empty()), coordinate);
        assertEquals("dev.layerhost:layerhost-api", coordinate.key());
    }

    @Test
    void aThirdPartIsTheVersion() {
        ApiCoordinate coordinate = ApiCoordinate.parse("com.example:api:2.1.0");
        assertEquals(Optional.of("2.1.0"), coordinate.version());
        assertEquals("com.example:api:2.1.0", coordinate.toString());
    }

    @Test
    void malformedEntriesAreNamedInOneLine() {
        for (String text : new String[] {"layerhost-api", "a:b:c:d", "a::1", ":b", ""}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ApiCoordinate.parse(text));
            assertEquals("apiArtifacts entry '" + text + "' is not groupId:artifactId or groupId:artifactId:version",
                    error.getMessage());
        }
    }
}
