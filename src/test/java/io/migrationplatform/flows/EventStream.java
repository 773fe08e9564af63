package io.migrationplatform.flows;

import io.migrationplatform.support.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads a text/event-stream with the JDK's HTTP client, event by event, on its own thread. */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One server-sent event (or comment, with {@code comment} set). */
    record Event(String name, String data, String comment) {
        JsonNode json() {
            return ApiClient.JSON.readTree(data);
        }
    }

    private static final Event END = new Event(null, null, null);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static EventStream open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The whole body, for an answer that is not a stream (an error envelope). */
    String body() {
        List<String> lines = new ArrayList<>();
        for (Event event; (event = poll(Duration.ofSeconds(10))) != END && event != null; ) {
            lines.add(event.data() != null ? event.data() : event.comment());
        }
        return String.join("\n", lines);
    }

    private void read() {
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (response.statusCode() != 200) {
                    events.add(new Event(null, line, null));
                } else if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, data.toString(), null));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, line.substring(1)));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5);
                    part = part.startsWith(" ") ? part.substring(1) : part;
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (RuntimeException e) {
            // the connection was closed
        } finally {
            events.add(END);
        }
    }

    private Event poll(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event (comments skipped), or an AssertionError after the timeout or at the end of the stream. */
    Event next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (event == END) {
                throw new AssertionError("the stream ended");
            }
            if (event.comment() == null) {
                return event;
            }
        }
    }

    /** The next comment line (a heartbeat), skipping events. */
    Event nextComment(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null || event == END) {
                throw new AssertionError("no comment within " + timeout);
            }
            if (event.comment() != null) {
                return event;
            }
        }
    }

    /** Waits for the server to end the stream; true if it did within the timeout. */
    boolean ends(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == END) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        reader.interrupt();
        response.body().close();
    }
}
