package io.migrationplatform.platform.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database could not be reached, or dropped the connection under a request
 * (stopped, restarting, out of connections): the request may be retried, so it answers 503, wherever it was
 * raised — in a controller, in a transaction's rollback, or in the security filters before any controller.
 */
final class DatabaseUnavailable {

    /** The answer's message and Retry-After, wherever the failure is caught. */
    static final String MESSAGE = "The service is temporarily unavailable; try again shortly";
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    static boolean is(Throwable failure) {
        // A failed rollback replaces the failure that caused it (the pool's proxy of a dead connection says only
        // "Connection is closed"): what went wrong first is the application exception it keeps.
        if (failure instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                && is(rollback.getApplicationException())) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 57P: the server shutting down or crashed; 53: out of resources (connections, memory, disk).
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P") || sql.getSQLState().startsWith("53"))) {
                return true;
            }
        }
        return false;
    }
}
