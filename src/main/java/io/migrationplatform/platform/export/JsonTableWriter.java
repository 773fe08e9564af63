package io.migrationplatform.platform.export;

import java.io.OutputStream;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A JSON array of objects keyed by the columns' keys, written one object at a time. */
final class JsonTableWriter<T> extends TableWriter<T> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonGenerator generator;

    JsonTableWriter(List<ExportColumn<T>> columns, OutputStream out) {
        super(columns);
        this.generator = JSON.createGenerator(out);
        generator.writeStartArray();
    }

    @Override
    protected void writeRow(List<Object> cells) {
        generator.writeStartObject();
        for (int i = 0; i < cells.size(); i++) {
            generator.writeName(columns.get(i).key());
            write(cells.get(i));
        }
        generator.writeEndObject();
    }

    private void write(Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Collection<?> list) {
            generator.writeStartArray();
            list.forEach(this::write);
            generator.writeEndArray();
        } else if (value instanceof TemporalAccessor || value instanceof UUID) {
            generator.writeString(value.toString());
        } else {
            generator.writePOJO(value);
        }
    }

    @Override
    protected void finish() {
        generator.writeEndArray();
        generator.close();
    }
}
