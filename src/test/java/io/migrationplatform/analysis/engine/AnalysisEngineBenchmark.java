package io.migrationplatform.analysis.engine;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import io.migrationplatform.assets.Asset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine on 100,000 generated assets, one thread: throughput in assets per second (target
 * ≥ 50,000/s on one core). Assets mix the OS, database and runtime strings of real inventories,
 * stacks, sizes, utilisation, attributes and dependency counts, so every rule path is exercised.
 * Run with bench/analysis.sh; never part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnalysisEngineBenchmark {

    static final int ASSETS = 100_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);

    private AnalysisEngine engine;
    private List<Asset> assets;
    private List<DependencyCounts> counts;

    @Setup
    public void setUp() {
        engine = AnalysisEngine.load();
        assets = new ArrayList<>(ASSETS);
        counts = new ArrayList<>(ASSETS);
        Random random = new Random(42);
        String[] oses = {"Microsoft Windows Server 2012 R2 Standard", "Windows 2008 R2", "Red Hat Enterprise Linux 7.9", "RHEL 8",
                "CentOS 6", "Ubuntu 20.04 LTS", "SLES 12 SP5", "Oracle Linux 7", "AIX 7.1", "Windows Server 2022 Datacenter",
                "Ubuntu 22.04.4 LTS", "Debian 12", "z/OS 2.4", null, "Linux"};
        String[] databases = {null, null, "SQL Server 2014", "PostgreSQL 14", "Oracle 11g", "Oracle 19c", "MySQL 5.7", "DB2", "PostgreSQL 9.6"};
        List<List<String>> stacks = List.of(List.of(), List.of("Java 8", "Spring"), List.of("Java 17", "Spring Boot", "Docker", "Kubernetes"),
                List.of("COBOL", "CICS", "DB2"), List.of("Node.js 16", "Express"), List.of("IIS", ".NET Framework 4.8"),
                List.of("Python 2.7", "Flask"), List.of("nginx", "Hugo", "static site"), List.of("SAP ECC", "Oracle 19c"),
                List.of("Citrix Virtual Apps"), List.of("Hadoop", "Hive"), List.of("Tomcat 9", "Java 11"));
        String[] types = {"server", "virtual_machine", "database", "application", "service"};
        String[] environments = {"prod", "dev", "test", "staging"};
        String[] criticalities = {"low", "medium", "high", "critical", null};
        for (int i = 0; i < ASSETS; i++) {
            Map<String, Object> attributes = switch (random.nextInt(10)) {
                case 0 -> Map.of("description", "Legacy billing batch", "last_login_days", random.nextInt(500));
                case 1 -> Map.of("saas_replacement", "Salesforce");
                case 2 -> Map.of("hardware_dependency", "HSM");
                case 3 -> Map.of("migration_target", "VMware Cloud on AWS");
                default -> Map.of("description", "Application server " + i);
            };
            assets.add(TestAssets.asset("name", "host-" + i, "asset_type", types[random.nextInt(types.length)],
                    "environment", environments[random.nextInt(environments.length)],
                    "criticality", criticalities[random.nextInt(criticalities.length)],
                    "operating_system", oses[random.nextInt(oses.length)], "database_type", databases[random.nextInt(databases.length)],
                    "technology_stack", stacks.get(random.nextInt(stacks.size())), "cpu_cores", 1 + random.nextInt(64),
                    "memory_gb", 2 + random.nextInt(512), "storage_gb", 20 + random.nextInt(20_000),
                    "cpu_utilization_pct", random.nextInt(100), "attributes", attributes, "tags", List.of("pci", "tier-" + i % 3)));
            counts.add(new DependencyCounts(random.nextInt(12), random.nextInt(15), random.nextInt(20) == 0));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ASSETS)
    public void analyzeAll(Blackhole blackhole) {
        Instant now = Instant.EPOCH;
        for (int i = 0; i < ASSETS; i++) {
            AssetAnalysis analysis = engine.analyze(assets.get(i), counts.get(i), AS_OF, now);
            blackhole.consume(analysis);
        }
    }
}
