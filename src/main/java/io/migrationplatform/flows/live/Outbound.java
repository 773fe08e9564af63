package io.migrationplatform.flows.live;

/** One message waiting for a subscriber: JSON text, or a keep-alive (WebSocket ping frame, SSE comment). */
record Outbound(String text, boolean heartbeat) {

    static final Outbound HEARTBEAT = new Outbound("", true);

    static Outbound json(String text) {
        return new Outbound(text, false);
    }

    /** Bytes it holds in a send buffer (UTF-16 chars counted as bytes: close enough for a limit). */
    long size() {
        return heartbeat ? 16 : text.length();
    }
}
