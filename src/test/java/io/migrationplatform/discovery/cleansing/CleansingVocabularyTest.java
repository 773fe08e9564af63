package io.migrationplatform.discovery.cleansing;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.assets.AssetVocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Placeholders, the closed vocabularies (environment, type, status, criticality) and multi-value cells. */
class CleansingVocabularyTest {

    @ParameterizedTest(name = "isMissing(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "(null)", textBlock = """
            (null)          | true
            ''              | true
            '   '           | true
            N/A             | true
            n/a             | true
            NA              | true
            ' - '           | true
            --              | true
            null            | true
            NULL            | true
            None            | true
            nil             | true
            Unknown         | true
            TBD             | true
            ?               | true
            '#N/A'          | true
            Not Applicable  | true
            0               | false
            no              | false
            web01           | false
            n/a-01          | false
            """)
    void isMissing(String raw, boolean missing) {
        assertThat(Cleansing.isMissing(raw)).isEqualTo(missing);
    }

    @ParameterizedTest(name = "environment(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Production        | prod
            PRODUCTION        | prod
            PRD               | prod
            Prod              | prod
            ' prod '          | prod
            Live              | prod
            DR                | prod
            Disaster Recovery | prod
            disaster_recovery | prod
            Development       | dev
            DEV               | dev
            Sandbox           | dev
            QA                | test
            UAT               | test
            Test              | test
            SIT               | test
            Acceptance        | test
            Staging           | staging
            Stage             | staging
            STG               | staging
            Pre-Prod          | staging
            Pre Prod          | staging
            pre_prod          | staging
            PreProd           | staging
            Pre-Production    | staging
            Lab               | NULL
            Prod-EU           | NULL
            ''                | NULL
            NULL              | NULL
            """)
    void environment(String raw, String expected) {
        assertThat(Cleansing.environment(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "assetType(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Server            | server
            Physical Server   | server
            Linux Server      | server
            Windows Server    | server
            Web Server        | server
            Mainframe         | server
            VM                | virtual_machine
            Virtual Machine   | virtual_machine
            virtual_machine   | virtual_machine
            Virtual-Machine   | virtual_machine
            VirtualMachine    | virtual_machine
            VMware VM         | virtual_machine
            Database          | database
            DB                | database
            Database Instance | database
            Application       | application
            Business Application | application
            Web Service       | service
            Middleware        | service
            Message Queue     | service
            Switch            | network
            Firewall          | network
            Load Balancer     | load_balancer
            load-balancer     | load_balancer
            LB                | load_balancer
            SAN               | storage
            Storage Array     | storage
            Kubernetes        | container
            Pod               | container
            Other             | other
            Printer           | NULL
            ''                | NULL
            NULL              | NULL
            """)
    void assetType(String raw, String expected) {
        assertThat(Cleansing.assetType(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "status(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            poweredOn       | active
            PoweredOn       | active
            Powered On      | active
            powered_on      | active
            Running         | active
            UP              | active
            Operational     | active
            In Use          | active
            poweredOff      | inactive
            Powered-Off     | inactive
            DOWN            | inactive
            Stopped         | inactive
            Suspended       | inactive
            Standby         | inactive
            Retired         | decommissioned
            Decommissioned  | decommissioned
            Migrating       | migrating
            In Migration    | migrating
            Rebooting       | NULL
            NULL            | NULL
            """)
    void status(String raw, String expected) {
        assertThat(Cleansing.status(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "criticality(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Critical          | critical
            Mission Critical  | critical
            mission-critical  | critical
            Tier 1            | critical
            Tier1             | critical
            Tier-1            | critical
            P1                | critical
            1                 | critical
            High              | high
            Tier 2            | high
            2                 | high
            Medium            | medium
            Moderate          | medium
            Normal            | medium
            3                 | medium
            Low               | low
            P4                | low
            4                 | low
            5                 | NULL
            Very High         | NULL
            NULL              | NULL
            """)
    void criticality(String raw, String expected) {
        assertThat(Cleansing.criticality(raw)).isEqualTo(expected);
    }

    @Test
    void everyCanonicalValueIsOneTheAssetRulesAccept() {
        Stream.of("Production", "DR", "Dev", "UAT", "Pre-Prod").map(Cleansing::environment)
                .forEach(v -> assertThat(AssetVocabulary.ENVIRONMENTS).contains(v));
        Stream.of("VM", "Physical", "DB", "App", "API", "Router", "LB", "NAS", "Pod", "Other").map(Cleansing::assetType)
                .forEach(v -> assertThat(AssetVocabulary.ASSET_TYPES).contains(v));
        Stream.of("poweredOn", "poweredOff", "Retired", "Migrating").map(Cleansing::status)
                .forEach(v -> assertThat(AssetVocabulary.STATUSES).contains(v));
        Stream.of("Tier 1", "P2", "Normal", "Low").map(Cleansing::criticality)
                .forEach(v -> assertThat(AssetVocabulary.CRITICALITIES).contains(v));
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("a, b; c | d", List.of("a", "b", "c", "d")),
                Arguments.of("DB001,LB001", List.of("DB001", "LB001")),
                Arguments.of("db-server-01;cache-server-01", List.of("db-server-01", "cache-server-01")),
                Arguments.of("10.0.0.1|10.0.0.2", List.of("10.0.0.1", "10.0.0.2")),
                Arguments.of("web01\nweb02", List.of("web01", "web02")),
                Arguments.of("a,,b, ,c", List.of("a", "b", "c")),
                Arguments.of("a, N/A, -, b", List.of("a", "b")),
                Arguments.of("a, b, a, A", List.of("a", "b", "A")),
                Arguments.of("\"Java 8\", \"Spring\"", List.of("Java 8", "Spring")),
                Arguments.of("single", List.of("single")),
                Arguments.of("  padded  ", List.of("padded")),
                Arguments.of("N/A", List.of()),
                Arguments.of("", List.of()),
                Arguments.of(null, List.of()));
    }

    @ParameterizedTest(name = "split(\"{0}\") = {1}")
    @MethodSource("splits")
    void split(String raw, List<String> expected) {
        assertThat(Cleansing.split(raw)).containsExactlyElementsOf(expected);
    }

    @Test
    void vocabulariesIgnoreCaseAndSurroundingSpace() {
        for (String raw : Arrays.asList(" Production ", "PRODUCTION", "production", "pRoDuCtIoN")) {
            assertThat(Cleansing.environment(raw)).as(raw).isEqualTo("prod");
        }
    }
}
