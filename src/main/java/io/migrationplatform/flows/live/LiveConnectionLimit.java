package io.migrationplatform.flows.live;

import io.migrationplatform.platform.error.TooManyRequestsException;

/** The answer to a user who already holds the most live connections allowed (migrate.live.max-connections-per-user). */
final class LiveConnectionLimit {

    /** Connections end when their clients go away; a few seconds is a fair time to wait before trying again. */
    static final long RETRY_AFTER_SECONDS = 10;

    private LiveConnectionLimit() {
    }

    static String message(LiveProperties properties) {
        return "Too many live connections: at most " + properties.maxConnectionsPerUser()
                + " WebSocket and SSE connections per user; close one and try again";
    }

    static TooManyRequestsException reached(LiveProperties properties) {
        return new TooManyRequestsException(message(properties), RETRY_AFTER_SECONDS);
    }
}
