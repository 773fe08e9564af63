package io.migrationplatform.analysis.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Support state of a release on a given day. See {@link Milestone} and {@link Release#statusOn} for
 * the exact rule; in short: before end of life it is supported, after it only a paid extended
 * support window (if any) keeps it from being end-of-life.
 */
public enum SupportStatus {
    /** Before end_of_life (vendor still ships security fixes, even if active support is over). */
    SUPPORTED,
    /** Past end_of_life but inside the vendor's paid extended-support window. */
    EXTENDED_SUPPORT_ONLY,
    /** Past end_of_life and past (or without) extended support. */
    END_OF_LIFE,
    /** The data set has no end-of-life information for the release. */
    UNKNOWN;

    /** Lower-case in JSON so API payloads read {@code "end_of_life"} like the data set's columns. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
