package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.IdentityChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@code identity_changed} channel (announced by triggers on users, sessions, roles
 * and client accounts, see V11) on a connection of its own, and moves the {@link IdentityChanges} generation
 * on every announcement. While the connection is down it says so, which turns principal caching off until
 * it listens again; it reconnects by itself.
 */
@Component
class IdentityChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdentityChangeListener.class);
    private static final String CHANNEL = "identity_changed";
    private static final int WAIT_MILLIS = 500;
    /** A connection that silently died (no error, no notifications) is found out by a query this often. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final IdentityChanges changes;
    private volatile boolean running;
    private Thread thread;

    IdentityChangeListener(DataSource dataSource, IdentityChanges changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "identity-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        changes.announcementsReachUs(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                changes.announcementsReachUs(true);
                if (warned) {
                    log.info("Listening to identity changes again: principals are cached again");
                    warned = false;
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    log.warn("Not listening to identity changes ({}): principals are read from the database on every request until it is back",
                            e.getMessage());
                    warned = true;
                }
            } finally {
                changes.announcementsReachUs(false);
            }
            pause();
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                changes.announced();
            }
            if (System.nanoTime() > probeAt) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = running && !Thread.currentThread().isInterrupted();
        }
    }
}
