package io.migrationplatform.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, start our own durable
 * PostgreSQL under the data directory and point the connection pool at it. With a URL configured,
 * this configuration is skipped entirely and Spring Boot's own DataSource uses that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${migrate.data-dir:./data}") Path dataDir,
            @Value("${migrate.embedded-db.port:0}") int port,
            @Value("${migrate.embedded-db.binaries-dir:}") String binariesDir,
            @Value("${migrate.embedded-db.startup-timeout:120s}") Duration startupTimeout) {
        log.info("No SPRING_DATASOURCE_URL set: starting the embedded PostgreSQL with its data in {}",
                dataDir.toAbsolutePath().normalize().resolve("postgres"));
        return EmbeddedPostgresServer.start(new EmbeddedDatabaseSettings(dataDir, port,
                binariesDir.isBlank() ? null : Path.of(binariesDir), startupTimeout));
    }

    /**
     * Liveness of the embedded database: if its postmaster died, this instance cannot recover by
     * itself, so liveness goes DOWN and an orchestrator restarts the service (which restarts it).
     */
    @Bean
    HealthIndicator embeddedPostgres(EmbeddedPostgresServer server) {
        return () -> server.isRunning()
                ? Health.up().withDetail("data_directory", server.pgData().toString()).build()
                : Health.down().withDetail("reason", "the embedded PostgreSQL process has stopped").build();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(server.jdbcUrl())
                .username(EmbeddedPostgresServer.USER)
                .password("")
                .build();
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
