package io.migrationplatform.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keywords match whole words and phrases, never inside other words. */
class TechnologyKeywordsTest {

    private static final TechnologyKeywords KEYWORDS = TechnologyKeywords.load();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "COBOL CICS; legacy_language mainframe",
            "z/OS 2.4; mainframe",
            "Prometheus/Grafana; infrastructure_tool",
            "F5 BigIP; appliance",
            "big-ip LTM; appliance",
            "Java 17 Spring Boot; cloud_native",
            "Microsoft Exchange Server 2016 CU23; saas_replaceable",
            "Claims processing; ''",
            "Sapphire portal; ''",
            "Stock exchange feed; ''",
            "Python 2.7, Flask; language_major_upgrade",
            "Static website (Hugo); static_site",
            "Legacy billing.; legacy"})
    void findsCategories(String text, String expected) {
        Map<String, io.migrationplatform.analysis.AssetAnalysis.Evidence> found = KEYWORDS.scanAll(Map.of("name", text));
        assertThat(String.join(" ", found.keySet().stream().sorted().toList())).isEqualTo(expected);
    }
}
