package dev.layerhost.api;

import java.util.List;
import java.util.Map;

/**
 * A copy of the host's {@code DataSource}, shaded into the plugin jar by a careless build. The
 * plugin now contains package {@code dev.layerhost.api}, which the API layer's module
 * {@code layerhost.api} exports to it: {@code SPLIT_PACKAGE}. (javac would refuse to compile this
 * against the real API, so the sample build compiles it against an empty stand-in module.)
 */
public interface DataSource {

    String name();

    List<String> schemes();

    List<Map<String, Object>> read(String location, int limit);
}
