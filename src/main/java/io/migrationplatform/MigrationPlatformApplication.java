package io.migrationplatform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: a multi-tenant API to discover, assess and plan cloud migrations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MigrationPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(MigrationPlatformApplication.class, args);
    }
}
