package io.migrationplatform.discovery.parse;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/** Reads the elements of a JSON array one object at a time with Jackson's streaming parser. */
final class JsonObjects {

    /** One array element: its 1-based position and its fields as text, in document order. */
    record Item(long index, Map<String, String> fields) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonParser parser;
    private long index;
    private boolean done;

    JsonObjects(JsonParser parser) {
        this.parser = parser;
    }

    /** The next object, or null after the closing bracket; the parser must be inside the array. */
    Item next() {
        if (done) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                done = true; // content after the array is ignored
                return null;
            }
            index++;
            if (token != JsonToken.START_OBJECT) {
                throw new TableReadException(JsonTable.NOT_ARRAY_OF_OBJECTS + " (item " + index + " is not an object)", null);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            String name;
            while ((name = parser.nextName()) != null) {
                parser.nextToken();
                fields.put(name, value());
            }
            return new Item(index, fields);
        } catch (JacksonException e) {
            throw new TableReadException(describe(e), e);
        }
    }

    /** Scalars as their text; nested objects and arrays as compact JSON, so nothing is lost. */
    private String value() {
        switch (parser.currentToken()) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NULL:
                return null;
            case START_OBJECT:
            case START_ARRAY:
                StringWriter json = new StringWriter();
                try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), json)) {
                    generator.copyCurrentStructure(parser);
                }
                return json.toString();
            default:
                return parser.getString(); // numbers as written in the file (no 1.0 -> 1 rewriting), true/false
        }
    }

    static String describe(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where = location == null ? "" : " near line " + location.getLineNr() + ", column " + location.getColumnNr();
        String detail = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return "The JSON is malformed" + where + ": " + detail;
    }
}
