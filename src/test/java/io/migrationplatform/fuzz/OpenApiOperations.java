package io.migrationplatform.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The operations of the service's own OpenAPI document, with their parameters and body schemas resolved. */
record OpenApiOperations(List<Operation> operations, JsonNode document) {

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /** One method on one path; {@code bodyType} is null for an operation without a request body. */
    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema, boolean streams) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static OpenApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(), p.path("schema"),
                            p.path("required").asBoolean(false)));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").properties().iterator();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = first.getValue().path("schema");
                }
                boolean streams = op.path("responses").toString().contains("text/event-stream");
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), parameters, bodyType,
                        bodySchema, streams));
            }
        }
        return new OpenApiOperations(List.copyOf(operations), document);
    }

    /** The schema itself, or the component a {@code $ref} names. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
