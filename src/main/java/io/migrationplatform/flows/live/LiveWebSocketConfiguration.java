package io.migrationplatform.flows.live;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The plain WebSocket endpoint (no STOMP, no SockJS) of the seed. Browsers may open it from the
 * origins CORS allows ({@code MIGRATE_CORS_ALLOWED_ORIGINS}) besides the API's own; clients that
 * send no Origin (servers, CLIs) are not restricted by origin, only by their token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveWebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/flow-updates/{client_account_id}/{engagement_id}";

    private final LiveFlowUpdates hub;
    private final ErrorResponseWriter errors;
    private final List<String> allowedOrigins;

    LiveWebSocketConfiguration(LiveFlowUpdates hub, ErrorResponseWriter errors,
                               @Value("${migrate.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.hub = hub;
        this.errors = errors;
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new FlowUpdatesWebSocketHandler(hub), PATH)
                .addInterceptors(new HandshakeAuthentication(hub.access(), hub, errors, allowedOrigins))
                // Origins are checked by HandshakeAuthentication, which answers in the error envelope (Spring's own
                // check answers an empty 403).
                .setAllowedOrigins("*");
    }

    /** Client messages are a few bytes ({"type": "ping"}): a larger one closes the session with 1009. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(LiveProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int limit = (int) properties.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(limit);
        container.setMaxBinaryMessageBufferSize(limit);
        container.setAsyncSendTimeout(properties.sendTimeLimit().toMillis());
        return container;
    }

    /**
     * The WebSocket handshake authenticates itself ({@link HandshakeAuthentication}: the token may come
     * as a query parameter, which the REST chain's bearer filter does not read), so Spring Security lets
     * {@code /ws/**} through untouched instead of answering for it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain webSocketHandshakes(HttpSecurity http) throws Exception {
        return http.securityMatcher("/ws/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
