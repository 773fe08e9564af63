package io.migrationplatform.analysis.engine;

import static io.migrationplatform.analysis.engine.TestAssets.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Judgements a consultant reviewing the engine's output asked for, each pinned by a case. */
class EngineJudgementTest {

    private static final AnalysisEngine ENGINE = AnalysisEngine.load();
    private static final DependencyCounts NONE = new DependencyCounts(0, 0, false);

    private static AssetAnalysis analyze(Object... fields) {
        return ENGINE.analyze(asset(fields), NONE, LocalDate.of(2026, 12, 3), Instant.EPOCH);
    }

    @Test
    void aCriticalProductionDatabaseIsNotRetiredOnLowUsageAlone() {
        AssetAnalysis db = analyze("name", "bulk-0-178", "asset_type", "database", "criticality", "critical", "memory_gb", 256,
                "cpu_utilization_pct", 1);
        assertThat(db.recommendedStrategy()).isNotEqualTo("retire");
    }

    @Test
    void aBusyServerIsNotRetiredBecauseNobodyLogsIn() {
        AssetAnalysis busy = analyze("operating_system", "RHEL 9", "cpu_utilization_pct", 50, "attributes", Map.of("last_login_days", 400));
        assertThat(busy.recommendedStrategy()).isNotEqualTo("retire");
    }

    @Test
    void aDatabaseThatJustReachedEndOfLifeIsAReplatformNotABlockedOne() {
        AssetAnalysis pg14 = analyze("asset_type", "database", "technology_stack", List.of("PostgreSQL 14"));
        assertThat(pg14.recommendedStrategy()).isEqualTo("replatform");
        assertThat(pg14.migrationReadiness()).isNotEqualTo("low");
        assertThat(pg14.risks()).extracting(AssetAnalysis.Finding::code).contains("database_recent_end_of_life");
    }

    @Test
    void aSwitchIsRebuiltNotRehosted() {
        AssetAnalysis network = analyze("name", "core-switch-01", "asset_type", "network", "operating_system", "Cisco IOS");
        assertThat(network.recommendedStrategy()).isEqualTo("replatform");
    }

    @Test
    void anIbmIMachineIsNotReadyForAnything() {
        AssetAnalysis ibmi = analyze("operating_system", "IBM i 7.3 (AS/400)", "technology_stack", List.of("RPG"));
        assertThat(ibmi.migrationReadiness()).isEqualTo("low");
    }

    @Test
    void aLargeCriticalErpTakesMonthsNotDays() {
        AssetAnalysis sap = analyze("name", "sap-ecc", "asset_type", "application", "application_name", "SAP ECC 6.0", "cpu_cores", 64,
                "memory_gb", 1024, "storage_gb", 20_000, "criticality", "critical");
        assertThat(sap.effort().personDays()).isGreaterThanOrEqualTo(40);
        assertThat(sap.effort().tShirt()).isEqualTo("XL");
        assertThat(sap.reasons()).anySatisfy(r -> assertThat(r.effect()).contains("effort ×3"));
    }

    @Test
    void theFingerprintIgnoresTheStrategyAnApprovalWrites() {
        var before = asset("name", "x", "operating_system", "RHEL 9");
        var approved = asset("name", "x", "operating_system", "RHEL 9", "six_r_strategy", "rehost");
        var changed = asset("name", "x", "operating_system", "RHEL 8");
        assertThat(AnalysisEngine.fingerprint(approved)).isEqualTo(AnalysisEngine.fingerprint(before));
        assertThat(AnalysisEngine.fingerprint(changed)).isNotEqualTo(AnalysisEngine.fingerprint(before));
    }
}
