package io.migrationplatform.discovery;

/** A problem found in one row (or the whole file): row number as a person sees it in the file, column, value, why. */
public record ImportIssue(Long rowNumber, String column, String value, String reason, String severity, String phase) {
}
