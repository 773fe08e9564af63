package io.migrationplatform.discovery.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Aligns streamed JSON objects with the columns collected from the first objects. */
final class JsonRows implements Iterator<SourceRow> {

    private final JsonObjects objects;
    private final Deque<JsonObjects.Item> buffer;
    private final Map<String, Integer> positions = new HashMap<>();
    private SourceRow next;

    JsonRows(JsonObjects objects, Deque<JsonObjects.Item> buffer, List<String> keys) {
        this.objects = objects;
        this.buffer = buffer;
        for (int i = 0; i < keys.size(); i++) {
            positions.put(keys.get(i), i);
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            JsonObjects.Item item = buffer.isEmpty() ? objects.next() : buffer.removeFirst();
            if (item == null) {
                return false;
            }
            next = align(item); // null for an object without any non-blank value
        }
        return true;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    private SourceRow align(JsonObjects.Item item) {
        String[] values = new String[positions.size()];
        List<String> extra = new ArrayList<>();
        boolean blank = true;
        for (Map.Entry<String, String> field : item.fields().entrySet()) {
            String value = Cells.clean(field.getValue());
            blank &= Cells.isBlank(value);
            Integer position = positions.get(field.getKey());
            if (position != null) {
                values[position] = value;
            } else if (value != null) {
                extra.add(field.getKey() + "=" + value);
            }
        }
        if (blank) {
            return null;
        }
        // Row numbers as in a spreadsheet made from the array: header on row 1, object n on row n + 1.
        return new SourceRow(item.index() + 1, Collections.unmodifiableList(Arrays.asList(values)),
                Collections.unmodifiableList(extra));
    }
}
