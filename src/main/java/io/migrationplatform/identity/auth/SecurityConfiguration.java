package io.migrationplatform.identity.auth;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security for {@code /api/**}: HS256 JWTs verified by Spring Security,
 * then the user re-checked in the database on each request. Everything outside {@code /api}
 * (health, metrics, API docs) is public; unknown paths there answer 404.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    TokenService tokenService(AuthProperties properties, Environment environment, Clock clock,
                              @Value("${migrate.data-dir:./data}") Path dataDir) {
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        return new TokenService(JwtSecretProvider.resolve(properties.jwtSecret(), embedded, dataDir), properties, clock);
    }

    @Bean
    JwtDecoder jwtDecoder(TokenService tokenService) {
        return tokenService.decoder();
    }

    @Bean
    LoginThrottle loginThrottle(AuthProperties properties) {
        return new LoginThrottle(properties.maxFailuresPerAccount(), properties.maxFailuresPerAddress(), properties.failureWindow());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, PrincipalCache repository,
                                    ErrorResponseWriter writer) throws Exception {
        EnvelopeAuthenticationEntryPoint entryPoint = new EnvelopeAuthenticationEntryPoint(writer);
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> { })
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/login", "/api/v1/auth/refresh")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new UserAuthenticationConverter(repository)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint)
                        // RFC 9728 metadata, served by Spring Security at /.well-known/oauth-protected-resource: say what is
                        // true of this service (its default claims certificate-bound tokens).
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(builder -> builder
                                .tlsClientCertificateBoundAccessTokens(false)
                                .bearerMethods(methods -> {
                                    methods.clear();
                                    methods.add("header");
                                }))))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint));
        return http.build();
    }

    /** Spring Security's default firewall, with the same header and parameter name rules checked without regular expressions. */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderValues::allowedName);
        firewall.setAllowedHeaderValues(HeaderValues::allowedValue);
        firewall.setAllowedParameterNames(HeaderValues::allowedName);
        return firewall;
    }

    /**
     * No observation (trace span and timer) around each of the security filters, the authentication and the
     * authorization of every request: they cost more than the checks themselves, and requests are already
     * measured as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** CORS is closed unless {@code MIGRATE_CORS_ALLOWED_ORIGINS} lists the browser origins to allow. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${migrate.cors.allowed-origins:}") List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (!allowed.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Request-ID",
                    "X-Client-Account-ID", "X-Engagement-ID"));
            cors.setExposedHeaders(List.of("ETag", "X-Request-ID", "Retry-After", "Location"));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
