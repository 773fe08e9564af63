package io.migrationplatform.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is unreachable, retry" (503) rather than a bug (500). */
class DatabaseUnavailableTest {

    @Test
    void aDroppedConnectionAnywhereInTheCauseChainIsUnavailability() {
        assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        // What a transaction reports when the database went away under it: its rollback failed on a broken connection.
        assertThat(DatabaseUnavailable.is(new TransactionSystemException("JDBC rollback failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.is(new IllegalStateException(new SQLException("terminating connection due to administrator command",
                "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("too many connections", "53300"))).isTrue();
    }

    /**
     * Seen in DatabaseOutageIT: an insert failed on a terminated connection, then the rollback failed on the pool's
     * already-closed proxy (a plain "Connection is closed", no SQL state) and replaced the insert's failure.
     */
    @Test
    void aRollbackFailureThatHidTheApplicationsDatabaseFailureIsUnavailability() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseUnavailable.is(rollback)).isTrue();
        TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        afterABug.initApplicationException(new NullPointerException());
        assertThat(DatabaseUnavailable.is(afterABug)).as("a rollback failure after a bug stays a bug").isFalse();
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertThat(DatabaseUnavailable.is(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("canceling statement due to user request", "57014"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.is(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.is(null)).isFalse();
    }
}
