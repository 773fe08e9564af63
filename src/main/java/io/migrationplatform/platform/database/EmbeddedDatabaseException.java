package io.migrationplatform.platform.database;

/** The embedded PostgreSQL could not be started safely; the message tells the operator what to do. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
