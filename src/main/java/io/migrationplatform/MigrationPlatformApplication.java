package io.migrationplatform;

import io.migrationplatform.cli.MigrateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: a multi-tenant API to discover, assess and plan cloud migrations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MigrationPlatformApplication {

    public static void main(String[] args) {
        if (MigrateCommand.handles(args)) { // a client of a running server: no Spring, no database
            System.exit(MigrateCommand.main(args, System.out, System.err, System.getenv()));
        }
        SpringApplication.run(MigrationPlatformApplication.class, args);
    }
}
