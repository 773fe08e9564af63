package io.migrationplatform.analysis.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The status rule on synthetic rows, including endoflife.date's true/false cells and empty cells. */
class SupportStatusRuleTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);

    @ParameterizedTest(name = "active={0} eol={1} extended={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-01-01 | 2027-01-01 | -          | SUPPORTED
            -          | 2026-12-04 | -          | SUPPORTED
            -          | false      | -          | SUPPORTED
            -          | 2026-12-03 | 2030-01-01 | EXTENDED_SUPPORT_ONLY
            -          | 2020-01-01 | 2026-12-04 | EXTENDED_SUPPORT_ONLY
            -          | true       | true       | EXTENDED_SUPPORT_ONLY
            -          | 2020-01-01 | 2026-12-03 | END_OF_LIFE
            -          | 2020-01-01 | -          | END_OF_LIFE
            -          | 2020-01-01 | false      | END_OF_LIFE
            -          | true       | -          | END_OF_LIFE
            2020-01-01 | -          | 2030-01-01 | UNKNOWN
            -          | not-a-date | -          | UNKNOWN
            """)
    void appliesTheRule(String active, String endOfLife, String extended, SupportStatus expected) {
        Release release = new Release("p", "os", "1", null, null, Milestone.parse(active), Milestone.parse(endOfLife),
                Milestone.parse(extended), List.of("1"));

        assertThat(release.statusOn(AS_OF)).isEqualTo(expected);
    }

    @Test
    void flagsBecomeNullDatesInTheMatch() {
        Release release = new Release("p", "os", "1", null, null, Milestone.parse("true"), Milestone.parse("false"),
                Milestone.parse(""), List.of("1"));

        LifecycleMatch match = release.toMatch(AS_OF, "p 1");
        assertThat(match.endOfActiveSupport()).isNull();
        assertThat(match.endOfLife()).isNull();
        assertThat(match.status()).isEqualTo(SupportStatus.SUPPORTED);
    }

    @Test
    void serialisesLowerCase() {
        assertThat(JsonMapper.builder().build().writeValueAsString(SupportStatus.EXTENDED_SUPPORT_ONLY))
                .isEqualTo("\"extended_support_only\"");
    }
}
