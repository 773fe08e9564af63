package io.migrationplatform.support;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only in the test classpath: an endpoint that fails the way a real bug would. */
@Hidden
@RestController
class FailingEndpointForTests {

    static final String SECRET_DETAIL = "SELECT password_hash FROM users -- org.postgresql.util.PSQLException";

    @GetMapping("/test-support/fail")
    String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
