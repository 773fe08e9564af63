package io.migrationplatform.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/analysis-rules.md lists every rule with its current condition, so the documentation cannot drift from rules.csv. */
class RuleDocumentationTest {

    @Test
    void everyRuleIsDocumentedWithItsCondition() throws IOException {
        String doc = Files.readString(Path.of("docs", "analysis-rules.md"));
        for (Rule rule : RuleSet.load().rules()) {
            String when = rule.when().toString().replace("|", "\\|");
            assertThat(doc).as("docs/analysis-rules.md row for " + rule.id()).contains("| `" + rule.id() + "` | `" + when + "` |");
        }
    }
}
