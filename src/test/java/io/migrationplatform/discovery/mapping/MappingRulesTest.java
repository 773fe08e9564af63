package io.migrationplatform.discovery.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order of evidence, and the table-wide rules (one column per target, a name for every table). */
class MappingRulesTest {

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            operating_system  | operating_system       | exact_name       | 0.97
            Environment       | environment            | exact_name       | 0.97
            FQDN              | fqdn                   | exact_name       | 0.97
            Host_Name         | name                   | known_synonym    | 0.9
            Primary IP        | ip_addresses           | known_synonym    | 0.9
            vCPU              | cpu_cores              | known_synonym    | 0.9
            Business Unit     | department             | known_synonym    | 0.9
            Cost Center       | department             | known_synonym    | 0.9
            Support Group     | technical_owner        | known_synonym    | 0.9
            Business Owner    | business_owner         | known_synonym    | 0.9
            sys_id            | external_id            | known_synonym    | 0.9
            Serial            | external_id            | known_synonym    | 0.9
            DNS Name          | fqdn                   | known_synonym    | 0.9
            Depends On        | dependencies           | known_synonym    | 0.9
            Connected To      | dependencies           | known_synonym    | 0.9
            Power State       | status                 | known_synonym    | 0.9
            Data Center       | location               | known_synonym    | 0.9
            Tech Stack        | technology_stack       | known_synonym    | 0.9
            DB Type           | database_type          | known_synonym    | 0.9
            DB Version        | database_version       | known_synonym    | 0.9
            CPU Utilization % | cpu_utilization_pct    | known_synonym    | 0.9
            Mem Util          | memory_utilization_pct | known_synonym    | 0.9
            Wave              | migration_wave         | known_synonym    | 0.9
            6R                | six_r_strategy         | known_synonym    | 0.9
            Labels            | tags                   | known_synonym    | 0.9
            Tier              | attributes             | known_synonym    | 0.9
            Database Version  | database_version       | normalized_name  | 0.8
            SixRStrategy      | six_r_strategy         | normalized_name  | 0.8
            Technology-Stack  | technology_stack       | normalized_name  | 0.8
            Busines Owner     | business_owner         | fuzzy_similarity | 0.788
            Enviroment        | environment            | fuzzy_similarity | 0.761
            foo               | attributes             | no_match         | 0.5
            """)
    // Each header alone: so a host column (Host_Name) is also the table's name (see aLoneHostColumnIs...).
    void eachRuleGivesItsReasonAndConfidence(String column, String target, String reason, double confidence) {
        ColumnMapping mapping = MappingSuggester.suggest(List.of(column)).mappings().get(0);

        assertThat(mapping.targetField()).isEqualTo(target);
        assertThat(mapping.reason()).isEqualTo(reason);
        assertThat(mapping.confidence()).isEqualTo(confidence);
    }

    @Test
    void fuzzyMatchesATypoOfAHostHeader() {
        ColumnMapping hostnme = MappingSuggester.suggest(List.of("Name", "Hostnme")).mappings().get(1);

        assertThat(hostnme.targetField()).isEqualTo("hostname");
        assertThat(hostnme.reason()).isEqualTo(ColumnMapping.FUZZY_SIMILARITY);
        // similarity × 0.8: below every exact, synonym and normalised match.
        assertThat(hostnme.confidence()).isBetween(0.75, 0.8);
    }

    @Test
    void fuzzyDoesNotTakeAWordThatMerelyStartsLikeAField() {
        // Jaro-Winkler alone scores these ≥ 0.88 against strategy, ci_type, memory_usage, os/db version, cpus.
        List<String> columns = List.of("Strategy Notes", "City", "Memory Used", "Version", "CPU Speed", "Status Reason");

        assertThat(MappingSuggester.suggest(columns).mappings())
                .allSatisfy(m -> assertThat(m.targetField()).as(m.sourceColumn()).isEqualTo("attributes"));
    }

    @Test
    void junkHeadersAreKeptAsAttributesWithoutMatch() {
        List<String> junk = Arrays.asList("foo", "x", "???", "", "   ", null, "Column 7", "zzqq", "Rack");

        MappingSuggestion suggestion = MappingSuggester.suggest(junk);

        assertThat(suggestion.mappings()).hasSize(junk.size()).allSatisfy(m -> {
            assertThat(m.targetField()).isEqualTo(MappingTargets.ATTRIBUTES);
            assertThat(m.reason()).isEqualTo(ColumnMapping.NO_MATCH);
            assertThat(m.confidence()).isEqualTo(0.5);
        });
        assertThat(suggestion.mappings().get(5).sourceColumn()).isEmpty();
        ExpectedMappings.assertInvariants(suggestion, junk.size());
    }

    @Test
    void twoHostColumnsOneWinsTheOtherIsKeptAsAnAttribute() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("Name", "Host Name", "hostname", "Server"));

        // The exact name beats the synonyms; the losers keep their reason, lose half their confidence, get a note.
        assertThat(suggestion.forTarget("hostname")).extracting(ColumnMapping::sourceColumn).containsExactly("hostname");
        for (String loser : List.of("Host Name", "Server")) {
            ColumnMapping lost = suggestion.forColumn(loser).orElseThrow();
            assertThat(lost.targetField()).isEqualTo(MappingTargets.ATTRIBUTES);
            assertThat(lost.reason()).isEqualTo(ColumnMapping.KNOWN_SYNONYM);
            assertThat(lost.confidence()).isEqualTo(0.45);
            assertThat(lost.note()).contains("hostname").contains("'hostname'");
        }
    }

    @Test
    void onEqualConfidenceTheLeftmostColumnWins() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("Name", "IP Address", "ip"));

        assertThat(suggestion.forTarget("ip_addresses")).extracting(ColumnMapping::sourceColumn)
                .containsExactly("IP Address");
    }

    @Test
    void sizeColumnsCompeteOutsideAzureDisks() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("Name", "Storage GB", "Disk GB", "RAM (MiB)"));

        assertThat(suggestion.forTarget("storage_gb")).extracting(ColumnMapping::sourceColumn).containsExactly("Storage GB");
        assertThat(suggestion.forColumn("Disk GB").orElseThrow().unit()).isNull();
        assertThat(suggestion.forColumn("RAM (MiB)").orElseThrow().unit()).isEqualTo("MiB");
    }

    @Test
    void aLoneHostColumnIsTheNameAndAlsoTheHostname() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("hostname", "IP", "OS"));

        ColumnMapping host = suggestion.mappings().get(0);
        assertThat(host.targetField()).isEqualTo("name");
        assertThat(host.reason()).isEqualTo(ColumnMapping.KNOWN_SYNONYM);
        assertThat(host.confidence()).isEqualTo(0.9);
        assertThat(suggestion.forTarget("hostname")).isEmpty();
        assertThat(suggestion.hostnameColumn()).contains("hostname");
    }

    @Test
    void aFuzzyLoneHostColumnIsAlsoTheName() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("Hostnme", "IP"));

        assertThat(suggestion.mappings().get(0).targetField()).isEqualTo("name");
        assertThat(suggestion.mappings().get(0).reason()).isEqualTo(ColumnMapping.FUZZY_SIMILARITY);
        assertThat(suggestion.hostnameColumn()).contains("Hostnme");
    }

    @Test
    void aNameLikeColumnIsNotAHostname() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("asset_name", "IP"));

        assertThat(suggestion.forTarget("name")).extracting(ColumnMapping::sourceColumn).containsExactly("asset_name");
        assertThat(suggestion.hostnameColumn()).isEmpty();
    }

    @Test
    void headersAreNormalisedBeforeMatching() {
        MappingSuggestion suggestion = MappingSuggester.suggest(
                List.of("\uFEFFasset_name", "*IP Address", "  Operating   System ", "MEMORY (IN MB)", "Disk-Size (GiB)"));

        assertThat(suggestion.mappings()).extracting(ColumnMapping::targetField)
                .containsExactly("name", "ip_addresses", "operating_system", "memory_gb", "storage_gb");
        assertThat(suggestion.mappings()).extracting(ColumnMapping::unit).containsExactly(null, null, null, "MB", "GiB");
        // The source column is reported as uploaded, so the importer can find it again.
        assertThat(suggestion.mappings().get(0).sourceColumn()).isEqualTo("\uFEFFasset_name");
    }

    @Test
    void mappingsFollowTheColumnOrder() {
        List<String> columns = new ArrayList<>(List.of("z", "OS", "Name", "a", "IP"));

        assertThat(MappingSuggester.suggest(columns).mappings()).extracting(ColumnMapping::sourceColumn)
                .containsExactlyElementsOf(columns);
        assertThat(MappingSuggester.suggest(List.of()).mappings()).isEmpty();
    }
}
