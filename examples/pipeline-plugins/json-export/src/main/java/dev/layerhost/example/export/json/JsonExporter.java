package dev.layerhost.example.export.json;

import dev.layerhost.example.pipeline.api.Prediction;
import dev.layerhost.example.pipeline.api.ResultExporter;
import dev.layerhost.example.pipeline.api.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes {@code <table>-predictions.json}: the data set's name, the target, the model, and one object
 * per row with the row's values and the predicted target.
 */
public final class JsonExporter implements ResultExporter {

    private final JsonFactory json = new JsonFactory();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Path export(Prediction prediction, Path directory) throws IOException {
        Table table = prediction.table();
        Path file = directory.resolve(table.name() + "-predictions.json");
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeStringField("dataset", table.name());
            generator.writeStringField("target", prediction.target());
            generator.writeStringField("model", prediction.model());
            generator.writeArrayFieldStart("rows");
            for (int row = 0; row < table.rows().size(); row++) {
                generator.writeStartObject();
                for (int column = 0; column < table.columns().size(); column++) {
                    generator.writeNumberField(table.columns().get(column), table.rows().get(row).get(column));
                }
                generator.writeNumberField("predicted", prediction.predicted().get(row));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return file;
    }
}
