package io.migrationplatform.analysis.lifecycle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One date column of the data set. endoflife.date allows a boolean instead of a date, and we keep
 * it because it decides the status: for end_of_life, {@code true} means "already ended, date not
 * recorded" (Solaris 11) and {@code false} "no end announced" (.NET Framework 4.8); for
 * end_of_extended_support, {@code true} means "offered, end not published" and {@code false}
 * "not offered" (Oracle Database 23).
 */
record Milestone(Kind kind, LocalDate date) {

    enum Kind { DATE, YES, NO, ABSENT }

    static final Milestone ABSENT = new Milestone(Kind.ABSENT, null);

    static Milestone parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            return ABSENT;
        }
        if (value.equalsIgnoreCase("true")) {
            return new Milestone(Kind.YES, null);
        }
        if (value.equalsIgnoreCase("false")) {
            return new Milestone(Kind.NO, null);
        }
        try {
            return new Milestone(Kind.DATE, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            // A malformed cell must not take the whole catalog down; treat it as unknown.
            return ABSENT;
        }
    }

    /** Whether an end-of-life style milestone has been reached on {@code asOf}; {@code null} when unknown. */
    Boolean reachedOn(LocalDate asOf) {
        return switch (kind) {
            case DATE -> !asOf.isBefore(date);
            case YES -> Boolean.TRUE;
            case NO -> Boolean.FALSE;
            case ABSENT -> null;
        };
    }
}
