package io.migrationplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The regex-free header rules decide exactly as Spring Security's defaults they replace, on generated
 * values mixing ASCII, control, unassigned, surrogate and token characters.
 */
class HeaderRulesTest {

    /** StrictHttpFirewall's default patterns: header and parameter names, and header values. */
    private static final Pattern DEFAULT_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern DEFAULT_HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Property(tries = 3000, seed = "42")
    void namesAsTheFirewallDefault(@ForAll("headerValues") String name) {
        assertThat(HeaderValues.allowedName(name)).as(escape(name)).isEqualTo(DEFAULT_NAME.matcher(name).matches());
    }

    @Property(tries = 3000, seed = "42")
    void headerValuesAsTheFirewallDefault(@ForAll("headerValues") String value) {
        assertThat(HeaderValues.allowedValue(value)).as(escape(value)).isEqualTo(DEFAULT_HEADER_VALUE.matcher(value).matches());
    }

    @Property(tries = 3000, seed = "42")
    void bearerTokensAsTheDefaultResolver(@ForAll("authorizations") String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        Throwable expectedError = catchThrowable(() -> new DefaultBearerTokenResolver().resolve(request));
        Throwable actualError = catchThrowable(() -> new HeaderBearerTokenResolver().resolve(request));
        assertThat(actualError == null).as(escape(authorization)).isEqualTo(expectedError == null);
        if (expectedError == null) {
            assertThat(new HeaderBearerTokenResolver().resolve(request)).isEqualTo(new DefaultBearerTokenResolver().resolve(request));
        } else {
            assertThat(actualError).hasMessage(expectedError.getMessage()).hasSameClassAs(expectedError);
        }
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.strings().withChars("aZ09 -_=.~+/").withCharRange('\u0000', '\u0020').withChars('\u007f', '\u0085',
                '\u00e9', '\u0378', '\u2028', '\ufffe', '\ud83d', '\ude00', '\u4e2d').ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> authorizations() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx", "Basic ", "", "Bear");
        Arbitrary<String> token = Arbitraries.strings().withChars("aZ09-._~+/= \t,é").ofMaxLength(10);
        return net.jqwik.api.Combinators.combine(scheme, token).as(String::concat);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
