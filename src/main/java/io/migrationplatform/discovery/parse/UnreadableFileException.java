package io.migrationplatform.discovery.parse;

/**
 * The uploaded file cannot be read as a table. The message is written for the person who uploaded
 * it (it is returned as the detail of an HTTP 422), so it says what is wrong in plain words.
 */
public class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
