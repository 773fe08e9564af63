package io.migrationplatform.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest possible answer of this application: no authentication, no database. Load
 * balancers can use it, and the benchmarks use it as the framework's own ceiling.
 */
@Tag(name = "operations")
@RestController
class PingController {

    @Operation(summary = "Answers pong: the process is up and serving HTTP")
    @SecurityRequirements
    @GetMapping(value = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }
}
