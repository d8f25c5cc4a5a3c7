package dev.layerhost.example.export.json;

import dev.layerhost.example.pipeline.api.Prediction;
import dev.layerhost.example.pipeline.api.ResultExporter;
import dev.layerhost.example.pipeline.api.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes {@code <table>-predictions.json} in format 2: as 1.0.0 did, plus {@code "format": 2}, each
 * row's residual (observed minus predicted) and a summary with the mean absolute error.
 */
public final class JsonExporter implements ResultExporter {

    private static final int FORMAT = 2;

    private final JsonFactory json = new JsonFactory();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Path export(Prediction prediction, Path directory) throws IOException {
        Table table = prediction.table();
        List<Double> observed = prediction.observed();
        Path file = directory.resolve(table.name() + "-predictions.json");
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeNumberField("format", FORMAT);
            generator.writeStringField("dataset", table.name());
            generator.writeStringField("target", prediction.target());
            generator.writeStringField("model", prediction.model());
            generator.writeObjectFieldStart("summary");
            generator.writeNumberField("rows", table.rows().size());
            generator.writeNumberField("meanAbsoluteError", meanAbsoluteError(observed, prediction.predicted()));
            generator.writeEndObject();
            generator.writeArrayFieldStart("rows");
            for (int row = 0; row < table.rows().size(); row++) {
                generator.writeStartObject();
                for (int column = 0; column < table.columns().size(); column++) {
                    generator.writeNumberField(table.columns().get(column), table.rows().get(row).get(column));
                }
                double predicted = prediction.predicted().get(row);
                generator.writeNumberField("predicted", predicted);
                generator.writeNumberField("residual", observed.get(row) - predicted);
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return file;
    }

    private static double meanAbsoluteError(List<Double> observed, List<Double> predicted) {
        if (observed.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (int row = 0; row < observed.size(); row++) {
            total += Math.abs(observed.get(row) - predicted.get(row));
        }
        return total / observed.size();
    }
}
