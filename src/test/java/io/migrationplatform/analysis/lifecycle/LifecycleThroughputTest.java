package io.migrationplatform.analysis.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine calls match() ~100,000 times per second. No timing is asserted (that would be flaky on
 * CI); this proves repeated calls on a shared catalog stay correct and finish, and keeps a hot path
 * around to profile if it ever regresses.
 */
class LifecycleThroughputTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);

    @Test
    void matchesOneHundredThousandStrings() {
        LifecycleCatalog catalog = LifecycleCatalog.load();
        List<String> inputs = List.of("Microsoft Windows Server 2012 R2 Standard", "Red Hat Enterprise Linux 7.9",
                "SQL Server 2014", "Oracle 11g", "Java 8 Spring", "Keycloak", "Ubuntu 20.04 LTS", "Linux", "",
                "Node.js 16", "SLES 12 SP5", "COBOL CICS", "PostgreSQL 14", "Oracle Linux 7", "VMware ESXi 6.7");
        List<Optional<LifecycleMatch>> expected = new ArrayList<>();
        for (String input : inputs) {
            expected.add(catalog.match(input, AS_OF));
        }

        int matched = 0;
        int expectedMatched = 0;
        for (int i = 0; i < 100_000; i++) {
            int k = i % inputs.size();
            Optional<LifecycleMatch> result = catalog.match(inputs.get(k), AS_OF);
            if (!result.equals(expected.get(k))) {
                throw new AssertionError("unstable result for " + inputs.get(k));
            }
            matched += result.isPresent() ? 1 : 0;
            expectedMatched += expected.get(k).isPresent() ? 1 : 0;
        }

        assertThat(expected).filteredOn(Optional::isPresent).hasSize(11);
        assertThat(matched).isEqualTo(expectedMatched);
    }
}
