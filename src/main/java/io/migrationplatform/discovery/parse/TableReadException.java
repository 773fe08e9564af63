package io.migrationplatform.discovery.parse;

/**
 * Unchecked counterpart of {@link UnreadableFileException}, thrown while iterating
 * {@link TableReader#rows()}: detection only samples the start of the file, so a problem further
 * down (an unclosed quote, malformed JSON, an I/O error) surfaces mid-stream, where an
 * {@link java.util.Iterator} cannot throw checked exceptions. Its cause is always the
 * {@link UnreadableFileException} (same user-facing message) so callers can unwrap it and answer
 * with the same HTTP 422; the technical exception is that one's cause.
 */
public class TableReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TableReadException(String message, Throwable technicalCause) {
        super(message, new UnreadableFileException(message, technicalCause));
    }

    /** The checked exception to rethrow, e.g. from code that declares {@code throws UnreadableFileException}. */
    public UnreadableFileException unreadable() {
        return (UnreadableFileException) getCause();
    }
}
