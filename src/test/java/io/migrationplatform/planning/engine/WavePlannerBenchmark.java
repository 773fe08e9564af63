package io.migrationplatform.planning.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The wave planner on a generated estate of 100,000 assets and 300,000 dependency edges (target < 2 s
 * a plan). The estate is shaped like a real one: applications of about 50 assets in five tiers (load
 * balancer → web → app → middleware → database), most edges pointing down a tier inside the
 * application, some across applications, and a few pointing back up, which close small cycles, and databases linking to older databases; 5%
 * of the assets are retire or retain candidates. Run with bench/planning.sh; never part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WavePlannerBenchmark {

    static final int ASSETS = 100_000;
    static final int EDGES = 300_000;
    private static final int APPLICATION = 50;
    private static final String[] TYPES = {"load_balancer", "server", "application", "service", "database"};
    private static final String[] CRITICALITIES = {"low", "medium", "high", "critical"};

    @Param({"50", "500"})
    public int maxAssetsPerWave;

    private List<WavePlanner.PlanAsset> assets;
    private WavePlanner.Options options;

    @Setup
    public void setUp() {
        assets = estate(new Random(42));
        options = new WavePlanner.Options(maxAssetsPerWave, LocalDate.of(2027, 1, 4), 14, 7, Set.of("retire", "retain"), true);
        WavePlanner.Plan plan = WavePlanner.plan(assets, options);
        System.out.printf("%nEstate: %,d assets, %,d edges; plan: %,d planned, %,d groups, %,d cycles (largest %,d), %,d waves, %,d constraints%n",
                assets.size(), assets.stream().mapToInt(a -> a.dependsOn().size()).sum(), plan.plannedAssets(), plan.groups(),
                plan.cycles().size(), plan.cycles().isEmpty() ? 0 : plan.cycles().get(0).size(), plan.waves().size(),
                plan.constraints().size());
    }

    @Benchmark
    public WavePlanner.Plan plan() {
        return WavePlanner.plan(assets, options);
    }

    static List<WavePlanner.PlanAsset> estate(Random random) {
        UUID[] ids = new UUID[ASSETS];
        List<List<UUID>> dependsOn = new ArrayList<>(ASSETS);
        for (int i = 0; i < ASSETS; i++) {
            ids[i] = new UUID(random.nextLong(), random.nextLong());
            dependsOn.add(new ArrayList<>(4));
        }
        for (int e = 0; e < EDGES; e++) {
            int from = random.nextInt(ASSETS);
            int tier = from % 5;
            int application = from / APPLICATION;
            int to;
            int roll = random.nextInt(1000);
            if (roll < 3 && tier > 0) {
                // Rarely a link back up a tier inside the application: a small cycle.
                to = application * APPLICATION + random.nextInt(APPLICATION / 5) * 5 + tier - 1;
            } else if (tier == 4) {
                // A database replicates to (or links to) a database created before it, anywhere in the estate.
                to = from < 5 ? from : random.nextInt(from / 5) * 5 + 4;
            } else {
                int lower = tier + 1 + random.nextInt(4 - tier);
                int target = roll < 850 ? application : random.nextInt(ASSETS / APPLICATION);
                to = target * APPLICATION + random.nextInt(APPLICATION / 5) * 5 + lower;
            }
            if (to < ASSETS && to != from) {
                dependsOn.get(from).add(ids[to]);
            }
        }
        List<WavePlanner.PlanAsset> assets = new ArrayList<>(ASSETS);
        for (int i = 0; i < ASSETS; i++) {
            String strategy = random.nextInt(20) == 0 ? (random.nextBoolean() ? "retire" : "retain") : "rehost";
            assets.add(new WavePlanner.PlanAsset(ids[i], "asset-" + i, TYPES[i % 5], CRITICALITIES[random.nextInt(4)], strategy,
                    dependsOn.get(i)));
        }
        return assets;
    }
}
