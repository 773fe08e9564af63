package io.migrationplatform.discovery.parse;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTableTest {

    @TempDir
    Path dir;

    @Test
    void readsAnArrayOfObjectsWithTheUnionOfKeysAsColumns() throws Exception {
        String json = """
                [
                  {"name": "srv1", "cpu": 4, "tags": ["web", "prod"], "meta": {"rack": "A1", "u": 12}},
                  {"name": "  srv2 ", "ram_gb": 16.50, "active": true, "owner": null},
                  {},
                  {"cpu": 2, "name": "srv3"}
                ]
                """;
        Tables.Read read = Tables.read(Tables.write(dir, "export.json", json, UTF_8));

        assertThat(read.format()).isEqualTo(new TableFormat("json", "UTF-8", null, 1));
        assertThat(read.columns()).containsExactly("name", "cpu", "tags", "meta", "ram_gb", "active", "owner");
        assertThat(read.values()).containsExactly(
                Arrays.asList("srv1", "4", "[\"web\",\"prod\"]", "{\"rack\":\"A1\",\"u\":12}", null, null, null),
                Arrays.asList("srv2", null, null, null, "16.50", "true", null),
                Arrays.asList("srv3", "2", null, null, null, null, null));
        // Object n sits on spreadsheet row n + 1; the empty third object is skipped.
        assertThat(read.rows()).extracting(SourceRow::rowNumber).containsExactly(2L, 3L, 5L);
    }

    @Test
    void keysFirstSeenAfterTheColumnScanGoToExtra() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= JsonTable.COLUMN_SCAN + 5; i++) {
            json.append(i > 1 ? ",\n" : "").append("{\"name\":\"srv").append(i).append('"');
            if (i == JsonTable.COLUMN_SCAN + 2) {
                json.append(",\"late\":\"x\",\"late_obj\":{\"a\":1}");
            }
            json.append('}');
        }
        json.append("]");
        Tables.Read read = Tables.read(Tables.write(dir, "big.json", json.toString(), UTF_8));

        assertThat(read.columns()).containsExactly("name");
        assertThat(read.rows()).hasSize(JsonTable.COLUMN_SCAN + 5);
        SourceRow late = read.rows().get(JsonTable.COLUMN_SCAN + 1);
        assertThat(late.rowNumber()).isEqualTo(JsonTable.COLUMN_SCAN + 3);
        assertThat(late.values()).containsExactly("srv" + (JsonTable.COLUMN_SCAN + 2));
        assertThat(late.extra()).containsExactly("late=x", "late_obj={\"a\":1}");
    }

    @Test
    void decodesJsonInOtherEncodingsToo() throws Exception {
        Tables.Read read = Tables.read(Tables.write(dir, "x.json", "\uFEFF[{\"ville\":\"Zürich\"}]", UTF_16LE));

        assertThat(read.format().encoding()).isEqualTo("UTF-16LE");
        assertThat(read.values()).containsExactly(List.of("Zürich"));
    }
}
