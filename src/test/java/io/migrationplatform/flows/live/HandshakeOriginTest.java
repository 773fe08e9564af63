package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which browser origins may open live updates: the API's own and those of MIGRATE_CORS_ALLOWED_ORIGINS, read as
 * CORS reads them (a trailing slash, case, "*"); a client without an Origin is no browser. Checked before the
 * token, so an origin refused here is answered 403 and one let through goes on to the token check (401 here).
 */
class HandshakeOriginTest {

    private static int status(List<String> allowed, String origin) throws Exception {
        HandshakeAuthentication authentication = new HandshakeAuthentication(null, null, new ErrorResponseWriter(JsonMapper.builder().build()),
                allowed);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws/flow-updates/a/b");
        request.setServerName("api.example");
        request.setServerPort(443);
        request.setScheme("https");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean proceed = authentication.beforeHandshake(new ServletServerHttpRequest(request), new ServletServerHttpResponse(response),
                null, new HashMap<>());
        assertThat(proceed).isFalse();
        return response.getStatus();
    }

    @Test
    void originsAreReadAsCorsReadsThem() throws Exception {
        assertThat(status(List.of(), null)).as("no Origin: not a browser").isEqualTo(401);
        assertThat(status(List.of(), "https://api.example")).as("the API's own").isEqualTo(401);
        assertThat(status(List.of(), "https://evil.example")).isEqualTo(403);
        assertThat(status(List.of("https://app.example/"), "https://app.example")).as("a trailing slash in the setting").isEqualTo(401);
        assertThat(status(List.of("https://app.example"), "https://APP.example")).as("case").isEqualTo(401);
        assertThat(status(List.of("*"), "https://anywhere.example")).isEqualTo(401);
        assertThat(status(List.of("https://app.example"), "null")).as("an opaque origin").isEqualTo(403);
    }
}
