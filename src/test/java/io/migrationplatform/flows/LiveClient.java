package io.migrationplatform.flows;

import io.migrationplatform.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client (the JDK's) for the live-update tests: collects what the server sends. */
public final class LiveClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A close frame received from the server. */
    public record Closed(int code, String reason) {
    }

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages;
    private final CompletableFuture<Closed> closed;

    private LiveClient(WebSocket socket, BlockingQueue<JsonNode> messages, CompletableFuture<Closed> closed) {
        this.socket = socket;
        this.messages = messages;
        this.closed = closed;
    }

    public static String url(int port, Object clientAccountId, Object engagementId) {
        return "ws://localhost:" + port + "/ws/flow-updates/" + clientAccountId + "/" + engagementId;
    }

    /** Connects with the token in the query string (as a browser would). */
    public static LiveClient connect(String url, String token) {
        return connect(url + (token == null ? "" : "?token=" + token), Map.of());
    }

    public static LiveClient connect(String url, Map<String, String> headers) {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        CompletableFuture<Closed> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(URI.create(url), new Collector(messages, closed)).get(10, TimeUnit.SECONDS);
            return new LiveClient(socket, messages, closed);
        } catch (ExecutionException e) {
            throw new HandshakeRefused(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a refused handshake (never upgraded). */
    public static int refusedStatus(String url, Map<String, String> headers) {
        try (LiveClient client = connect(url, headers)) {
            throw new AssertionError("the handshake was accepted: " + url);
        } catch (HandshakeRefused e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("the handshake failed without an HTTP answer", e);
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next message, or an AssertionError after the timeout. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout + (closed.isDone() ? "; closed: " + closed.getNow(null) : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message of a type, skipping others. */
    public JsonNode next(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (type.equals(message.path("type").asString())) {
                return message;
            }
        }
    }

    /** The close frame the server sent, waiting up to the timeout. */
    public Closed closed(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not close the session within " + timeout);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already closing
            }
        }
        socket.abort();
    }

    /** The handshake did not succeed; the cause says why (WebSocketHandshakeException carries the HTTP answer). */
    public static final class HandshakeRefused extends RuntimeException {
        HandshakeRefused(Throwable cause) {
            super(cause);
        }
    }

    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> messages;
        private final CompletableFuture<Closed> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> messages, CompletableFuture<Closed> closed) {
            this.messages = messages;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(ApiClient.JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
