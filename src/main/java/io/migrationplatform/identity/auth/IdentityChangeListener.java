package io.migrationplatform.identity.auth;

import com.zaxxer.hikari.HikariDataSource;
import io.migrationplatform.identity.IdentityChanges;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@code identity_changed} channel (announced by triggers on users, sessions, roles and
 * client accounts, see V11 and V12) and moves the {@link IdentityChanges} generation on every announcement.
 *
 * <p>It proves it is really hearing the channel rather than assuming it: every {@link #PROBE_EVERY} it announces
 * a probe of its own and renews the {@link IdentityChanges} lease only when that probe comes back. A connection
 * that died silently (no error, a half-open socket), or a pooler that accepts LISTEN but never delivers, lets
 * the lease run out within {@link IdentityChanges#LEASE}, and principal caching is off until probes return.
 * The connection is its own, outside the pool (so it neither takes a pooled connection for good nor hands one
 * back still listening), with a socket timeout so no call can block for long. It reconnects by itself.
 */
@Component
class IdentityChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdentityChangeListener.class);
    private static final String CHANNEL = "identity_changed";
    private static final int WAIT_MILLIS = 250;
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final int SOCKET_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final IdentityChanges changes;
    private static final String PROBE_PREFIX = "probe:";
    private final String probe = PROBE_PREFIX + UUID.randomUUID();
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
        changes.announcementsReachUs(false);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                changes.announcementsReachUs(true);
                if (warned) {
                    log.info("Hearing identity changes again: principals are cached again");
                    warned = false;
                }
                receive(connection);
            } catch (Exception e) {
                if (running && !warned) {
                    log.warn("Not hearing identity changes ({}): principals are read from the database on every request until it is back",
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
        long probeAt = 0;
        while (running) {
            if (System.nanoTime() - probeAt >= 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_notify('" + CHANNEL + "', '" + probe + "')");
                }
                probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
            }
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications == null) {
                continue;
            }
            boolean changed = false;
            for (PGNotification notification : notifications) {
                String payload = notification.getParameter();
                if (probe.equals(payload)) {
                    changes.heard();
                } else if (!payload.startsWith(PROBE_PREFIX)) { // other instances' probes change nothing
                    changed = true;
                }
            }
            if (changed) {
                changes.announced();
            }
        }
    }

    /** A connection of its own, with the pool's settings, a socket timeout and TCP keep-alive. */
    private Connection connect() throws SQLException {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "migration-platform identity listener");
        Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
