package io.migrationplatform.analysis.lifecycle;

import java.time.LocalDate;
import java.util.List;

/** One row of product-lifecycles.csv, with its cycle pre-split into comparable version tokens. */
record Release(String product, String category, String cycle, String label, LocalDate releaseDate, Milestone activeSupportEnd,
        Milestone endOfLife, Milestone extendedSupportEnd, List<String> tokens) {

    /**
     * The status rule, driven only by end_of_life and end_of_extended_support:
     * <ul>
     *   <li>end_of_life unknown (empty) → UNKNOWN;</li>
     *   <li>asOf before end_of_life (or end_of_life = false) → SUPPORTED. End of <em>active</em>
     *       support does not change this: security fixes continue until end of life;</li>
     *   <li>asOf on/after end_of_life (or end_of_life = true) and before end_of_extended_support
     *       (or end_of_extended_support = true, i.e. offered without a known end) → EXTENDED_SUPPORT_ONLY;</li>
     *   <li>otherwise (no extended support, end_of_extended_support = false, or past it) → END_OF_LIFE.</li>
     * </ul>
     * Dates are end dates, so the day itself already counts as "ended".
     */
    SupportStatus statusOn(LocalDate asOf) {
        Boolean eolReached = endOfLife.reachedOn(asOf);
        if (eolReached == null) {
            return SupportStatus.UNKNOWN;
        }
        if (!eolReached) {
            return SupportStatus.SUPPORTED;
        }
        return switch (extendedSupportEnd.kind()) {
            case DATE -> asOf.isBefore(extendedSupportEnd.date()) ? SupportStatus.EXTENDED_SUPPORT_ONLY : SupportStatus.END_OF_LIFE;
            case YES -> SupportStatus.EXTENDED_SUPPORT_ONLY;
            case NO, ABSENT -> SupportStatus.END_OF_LIFE;
        };
    }

    LifecycleMatch toMatch(LocalDate asOf, String matchedFrom) {
        return new LifecycleMatch(product, category, cycle, label, releaseDate, activeSupportEnd.date(), endOfLife.date(),
                extendedSupportEnd.date(), statusOn(asOf), matchedFrom);
    }
}
