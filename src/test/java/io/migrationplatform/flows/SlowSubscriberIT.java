package io.migrationplatform.flows;

import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.publish;
import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client that stops reading must neither hold up the others nor the publisher: it is
 * disconnected once its send buffer or send time is exceeded, while a reading client gets everything.
 */
class SlowSubscriberIT extends ApiIntegrationTest {

    @Autowired
    MeterRegistry meters;

    /** Performs the WebSocket handshake on a raw socket with a tiny receive window, then never reads again. */
    private Socket stalledClient(TestTenants.User user) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws/flow-updates/" + user.tenant().accountId() + "/" + user.tenant().engagementId()
                + "?token=" + user.accessToken() + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket;
    }

    private double dropped() {
        return meters.find("migrate.live.messages.dropped").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aClientThatNeverReadsDoesNotHoldUpAReadingOne() throws Exception {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("slow");
        TestTenants.User viewer = t.createUser(tenant, "viewer");
        ApiClient engine = t.as(t.createUser(tenant, "contributor"));
        double droppedBefore = dropped();
        int updates = 300;
        Map<String, Object> data = state("running", "asset_inventory", 50);
        data.put("padding", "x".repeat(32 * 1024)); // ~10 MB in all: more than the stalled client's TCP buffers hold
        try (Socket stalled = stalledClient(viewer);
             LiveClient reader = LiveClient.connect(LiveClient.url(port, tenant.accountId(), tenant.engagementId()),
                     viewer.accessToken())) {
            UUID flowId = UUID.randomUUID();
            // Published in batches of 8 (256 KB, half of what may wait for one subscriber), each read before the next:
            // the reader keeps up however fast the server publishes on this machine, while the stalled client's
            // backlog only grows.
            int batch = 8;
            for (int first = 0; first < updates; first += batch) {
                for (int i = first; i < Math.min(updates, first + batch); i++) {
                    data.put("progress", i);
                    publish(engine, flowId, data);
                }
                for (int i = first; i < Math.min(updates, first + batch); i++) {
                    assertThat(reader.next("flow_update", Duration.ofSeconds(30)).get("data").get("progress").asInt()).isEqualTo(i);
                }
            }
            // The stalled client was disconnected (send buffer or send time exceeded), its backlog counted as dropped.
            Polling.until(this::dropped, d -> d > droppedBefore, Duration.ofSeconds(30), "the stalled client's disconnection");
            reader.send("{\"type\": \"ping\"}");
            assertThat(reader.next("pong", Duration.ofSeconds(10)).get("type").asString()).isEqualTo("pong");
            assertThat(stalled.isClosed()).isFalse(); // it never noticed: it does not read
        }
    }
}
