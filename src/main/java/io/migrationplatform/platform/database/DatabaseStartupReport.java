package io.migrationplatform.platform.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once at start-up which database the service uses and where (never the password). */
@Component
class DatabaseStartupReport {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupReport.class);
    private final DataSource dataSource;

    DatabaseStartupReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL().replaceAll("(?i)(password=)[^&;]*", "$1***");
            log.info("Database: {} {} at {} as user {}", meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(), url, meta.getUserName());
        } catch (SQLException e) {
            log.warn("Database not reachable at start-up: {}", e.getMessage());
        }
    }
}
