package io.migrationplatform.discovery.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared sample exports, and a 100,000-row file streamed without collecting the rows. */
class RealFilesAndVolumeTest {

    private static final Path INVENTORY = Path.of("..", "shared", "data", "inventory");

    @Test
    void readsTheSharedInventoryExports() throws Exception {
        assumeTrue(Files.isDirectory(INVENTORY), "shared inventory samples not present");
        Map<String, Long> counts = new TreeMap<>();
        for (String name : new String[] {"enterprise-cmdb-20.csv", "assets-40-semicolon-deps.csv",
                "servicenow-style-18.csv", "nonstandard-headers-5.csv"}) {
            try (TableReader reader = TableReader.open(INVENTORY.resolve(name), name)) {
                // The semicolon file is comma-separated; its semicolons sit inside the dependencies column.
                assertThat(reader.format().delimiter()).as(name).isEqualTo(',');
                assertThat(reader.format().headerRow()).as(name).isEqualTo(1);
                long rows = 0;
                for (Iterator<SourceRow> it = reader.rows(); it.hasNext(); rows++) {
                    SourceRow row = it.next();
                    assertThat(row.extra()).as(name + " row " + row.rowNumber()).isEmpty();
                    if (name.startsWith("enterprise") && "SRV001".equals(row.values().get(0))) {
                        int dependencies = reader.columns().indexOf("dependencies");
                        assertThat(row.values().get(dependencies)).isEqualTo("DB001,LB001");
                    }
                }
                counts.put(name, rows);
            }
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("enterprise-cmdb-20.csv", 20L,
                "assets-40-semicolon-deps.csv", 40L, "servicenow-style-18.csv", 18L, "nonstandard-headers-5.csv", 5L));
    }

    @Test
    void streamsAHundredThousandRows(@TempDir Path dir) throws Exception {
        int total = 100_000;
        Path file = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("asset_id,asset_name,ip_address,os,environment,cpu,memory_gb,dependencies,description\n");
            for (int i = 1; i <= total; i++) {
                out.write("SRV" + i + ",server-" + i + ".corp.example.com,10." + (i >> 16) + "." + (i >> 8 & 255) + "."
                        + (i & 255) + ",Ubuntu 22.04 LTS,Production,8,32,\"DB" + i + ",LB" + i + "\","
                        + "Application server for the customer portal with a reasonably long description\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(15_000_000L);

        long rows = 0;
        long lastNumber = 0;
        try (TableReader reader = TableReader.open(file, "large.csv")) {
            for (Iterator<SourceRow> it = reader.rows(); it.hasNext(); ) {
                SourceRow row = it.next(); // not kept: memory stays bounded
                rows++;
                lastNumber = row.rowNumber();
                if (row.rowNumber() == 50_001) {
                    assertThat(row.values().get(7)).isEqualTo("DB50000,LB50000");
                }
            }
        }
        assertThat(rows).isEqualTo(total);
        assertThat(lastNumber).isEqualTo(total + 1);
    }
}
