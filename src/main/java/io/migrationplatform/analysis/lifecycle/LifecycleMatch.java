package io.migrationplatform.analysis.lifecycle;

import java.time.LocalDate;

/**
 * A release found for an inventory string, with its support dates and the status on the day asked.
 *
 * <p>A date is {@code null} when the data set gives none; endoflife.date sometimes writes
 * {@code true}/{@code false} instead of a date ("already ended, date unknown" / "not announced"),
 * which also yields {@code null} here but is still taken into account by {@link #status()}.
 *
 * @param product     endoflife.date product id, e.g. {@code rhel}, {@code mssqlserver}
 * @param category    the data set's category: {@code os}, {@code database}, {@code lang}, {@code framework}, {@code server-app}
 * @param releaseCycle the data set's cycle, e.g. {@code 7}, {@code 12.0-sp3}, {@code 2012-r2}
 * @param releaseLabel human label from the data set; may be {@code null} (often empty)
 * @param matchedFrom  the part of the input text that identified product and version
 */
public record LifecycleMatch(String product, String category, String releaseCycle, String releaseLabel, LocalDate releaseDate,
        LocalDate endOfActiveSupport, LocalDate endOfLife, LocalDate endOfExtendedSupport, SupportStatus status,
        String matchedFrom) {
}
