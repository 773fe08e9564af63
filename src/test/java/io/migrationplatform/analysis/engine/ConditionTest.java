package io.migrationplatform.analysis.engine;

import static io.migrationplatform.analysis.engine.TestAssets.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import io.migrationplatform.analysis.lifecycle.LifecycleCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code when} language: what each form means, and that a typo stops the load with a reason. */
class ConditionTest {

    private static final FactExtractor EXTRACTOR = new FactExtractor(LifecycleCatalog.load(), TechnologyKeywords.load());
    private static final FactSheet FACTS = EXTRACTOR.extract(asset("name", "Billing", "asset_type", "application", "criticality", "critical",
            "cpu_utilization_pct", 12.5, "technology_stack", List.of("COBOL", "CICS"), "operating_system", "Windows Server 2008 R2",
            "attributes", Map.of("last_login_days", "400", "owner_team", "Finance IT", "archived", false)),
            new DependencyCounts(2, 0, false), LocalDate.of(2026, 12, 3));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "always; true",
            "asset_type = application; true",
            "asset_type = Application; true",
            "asset_type != application; false",
            "criticality in high|critical; true",
            "criticality not_in high|critical; false",
            "status != active; true",          // unknown is not known to be active
            "status = active; false",
            "status is unknown; true",
            "cpu_utilization_pct < 20 and cpu_utilization_pct >= 12.5; true",
            "cpu_utilization_pct > 12.5; false",
            "memory_gb < 1000; false",            // unknown numbers compare false
            "dependencies = 2; true",
            "dependents != 0; false",
            "tech has mainframe; true",
            "tech has_any containerised|legacy_language; true",
            "tech lacks containerised; true",
            "os_status = end_of_life; true",
            "os_product = windows-server; true",
            "os_years_past_eol >= 5; true",
            "in_cycle; false",
            "not in_cycle; true",
            "in_cycle = false; true",
            "attributes.last_login_days > 365; true",
            "attributes.last_login_days = 400; true",
            "attributes.owner_team contains finance; true",
            "attributes.owner_team = finance it; true",
            "attributes.archived; false",
            "not attributes.archived; true",
            "attributes.missing is unknown; true",
            "attributes.missing < 5; false"})
    void clausesMeanWhatTheySay(String when, boolean expected) {
        assertThat(Condition.parse(when).test(FACTS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "; empty condition",
            "colour = red; unknown fact",
            "cpu_cores = many; is not a number",
            "asset_type < 3; asset_type is a text fact",
            "tech = mainframe; tech is a set fact",
            "not asset_type; asset_type is a text fact, not a boolean one",
            "attributes.x has y; has applies to tech only",
            "cpu_cores >>> 3; is not a number"})
    void typosAreRefusedWithAReason(String when, String reason) {
        assertThatThrownBy(() -> Condition.parse(when)).hasMessageContaining(reason);
    }
}
