package io.migrationplatform.discovery;

import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.discovery.cleansing.RowConverter;
import io.migrationplatform.discovery.mapping.MappingSuggester;
import io.migrationplatform.discovery.parse.SourceRow;
import io.migrationplatform.discovery.parse.TableReader;
import io.migrationplatform.discovery.parse.UnreadableFileException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The import's Java side without the database, in rows per second on one thread: reading a generated
 * 100,000-row CMDB export (the same shape as {@code bench/import.sh}: quoted multi-value cells, decimal
 * commas, dependencies), then mapping and cleansing each row into validated asset values. Run through
 * {@code bench/run.sh jmh} (or {@code bench/import-parser.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImportParserBenchmark {

    private static final int ROWS = 100_000;
    private static final String[] ENVIRONMENTS = {"Production", "PRD", "Development", "QA", "UAT", "Staging"};
    private static final String[] TYPES = {"Server", "Virtual Machine", "Database", "Application"};
    private static final String[] SYSTEMS = {"Windows Server 2012 R2", "RHEL 7.9", "Ubuntu 20.04 LTS", "SLES 12 SP5", "Windows Server 2019"};
    private static final String[] CRITICALITIES = {"High", "Medium", "Low"};

    private Path file;
    private RowConverter converter;

    @Setup(Level.Trial)
    public void generate() throws IOException, UnreadableFileException {
        file = Files.createTempFile("import-parser-bench", ".csv");
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("asset_id,asset_name,asset_type,ip_address,os,environment,criticality,owner,cpu_cores,memory_gb,storage_gb,dependencies\n");
            for (int i = 1; i <= ROWS; i++) {
                StringBuilder deps = new StringBuilder();
                for (int d = random.nextInt(4); d > 0; d--) {
                    deps.append(deps.isEmpty() ? "" : ",").append(String.format("A%07d", 1 + random.nextInt(ROWS)));
                }
                out.write(String.format("A%07d,host-%07d,%s,10.%d.%d.%d,%s,%s,%s,Team %d,%d,\"%d,5\",%d,\"%s\"%n", i, i,
                        TYPES[random.nextInt(TYPES.length)], i / 65536 % 256, i / 256 % 256, i % 256,
                        SYSTEMS[random.nextInt(SYSTEMS.length)], ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)],
                        CRITICALITIES[random.nextInt(CRITICALITIES.length)], i % 50, 2 + i % 30, 4 + i % 120, 50 + i % 2000, deps));
            }
        }
        try (TableReader reader = TableReader.open(file, "estate.csv")) {
            converter = new RowConverter(reader.columns(), MappingSuggester.suggest(reader.columns()).mappings());
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Detect the format, then read every row (what the upload does before staging the rows). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void read(Blackhole sink) throws UnreadableFileException {
        try (TableReader reader = TableReader.open(file, "estate.csv")) {
            for (Iterator<SourceRow> rows = reader.rows(); rows.hasNext(); ) {
                sink.consume(rows.next());
            }
        }
    }

    /** Read, map, cleanse and validate every row (what data_cleansing and asset_inventory do per row). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void readAndConvert(Blackhole sink) throws UnreadableFileException {
        try (TableReader reader = TableReader.open(file, "estate.csv")) {
            for (Iterator<SourceRow> rows = reader.rows(); rows.hasNext(); ) {
                SourceRow row = rows.next();
                sink.consume(AssetValidator.validate(converter.convert(row.values(), row.extra()).body(), true));
            }
        }
    }
}
