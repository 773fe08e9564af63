package io.migrationplatform.discovery.parse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Opens a JSON array of objects as a table. Columns are the union of the keys of the first
 * {@value #COLUMN_SCAN} objects (the only ones held in memory at once); keys first seen later
 * go to {@link SourceRow#extra()} as "key=value" instead of changing the columns mid-stream.
 */
final class JsonTable {

    static final int COLUMN_SCAN = 1_000;
    static final String NOT_ARRAY_OF_OBJECTS = "The JSON file is not a table: expected a JSON array of objects";
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTable() {
    }

    static TableReader open(Path file, ContentSniffer.Sample sample) throws UnreadableFileException {
        Reader reader;
        try {
            reader = ContentSniffer.openText(file, sample);
        } catch (IOException e) {
            throw new UnreadableFileException("The file could not be read", e);
        }
        JsonParser parser;
        try {
            parser = FACTORY.createParser(ObjectReadContext.empty(), reader); // closes the reader when closed
        } catch (JacksonException e) {
            TableReader.closeQuietly(reader, e);
            throw new UnreadableFileException("The file could not be read", e);
        }
        try {
            JsonObjects objects = new JsonObjects(parser);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableFileException(NOT_ARRAY_OF_OBJECTS);
            }
            Deque<JsonObjects.Item> buffer = new ArrayDeque<>();
            Set<String> keys = new LinkedHashSet<>();
            JsonObjects.Item item;
            while (buffer.size() < COLUMN_SCAN && (item = objects.next()) != null) {
                buffer.add(item);
                keys.addAll(item.fields().keySet());
            }
            if (buffer.isEmpty()) {
                throw new UnreadableFileException("The JSON array is empty: the file has no data rows");
            }
            List<String> keyOrder = new ArrayList<>(keys);
            List<String> columns = ColumnNames.from(keyOrder);
            if (columns.isEmpty()) {
                throw new UnreadableFileException("The JSON objects have no fields");
            }
            JsonRows rows = new JsonRows(objects, buffer, keyOrder.subList(0, columns.size()));
            if (!rows.hasNext()) {
                throw new UnreadableFileException("The file has no data rows: every JSON object is empty");
            }
            return new TableReader(new TableFormat("json", sample.encodingLabel(), null, 1), columns, rows, parser::close);
        } catch (TableReadException e) {
            TableReader.closeQuietly(parser::close, e.unreadable());
            throw e.unreadable();
        } catch (JacksonException e) {
            TableReader.closeQuietly(parser::close, e);
            throw new UnreadableFileException(JsonObjects.describe(e), e);
        } catch (UnreadableFileException | RuntimeException e) {
            TableReader.closeQuietly(parser::close, e);
            throw e;
        }
    }
}
