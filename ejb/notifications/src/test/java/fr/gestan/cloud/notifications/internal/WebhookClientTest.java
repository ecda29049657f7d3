package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The webhook client against a receiver on 127.0.0.1 (allowed by the test setting only). */
class WebhookClientTest {

    @Test
    void postsTheBodyWithTheHeadersAndReturnsTheStatus() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> answer(server, "HTTP/1.1 410 Gone"));
            WebhookClient client = new WebhookClient(new WebhookAddresses(true), 5000);
            WebhookClient.Response response = client.post("http://127.0.0.1:" + server.getLocalPort() + "/hook?x=1",
                    Map.of("webhook-id", "msg_1"), "{\"a\":\"é\"}");
            assertEquals(410, response.status());
            List<String> request = received.get(5, TimeUnit.SECONDS);
            assertEquals("POST /hook?x=1 HTTP/1.1", request.get(0));
            assertTrue(request.contains("webhook-id: msg_1"), request.toString());
            assertTrue(request.contains("Content-Length: 10"), request.toString());
        }
    }

    @Test
    void refusesLoopbackWhereTheSettingIsOff() {
        WebhookClient client = new WebhookClient(new WebhookAddresses(false), 5000);
        IOException refused = assertThrows(IOException.class, () -> client.post("http://127.0.0.1:9/hook", Map.of(), "{}"));
        assertTrue(refused.getMessage().contains("not allowed"));
        // https to a name resolving to loopback: refused on the address, before any connection
        IOException loopback = assertThrows(IOException.class, () -> client.post("https://localhost:9/hook", Map.of(), "{}"));
        assertTrue(loopback.getMessage().contains("non-public"), loopback.getMessage());
    }

    private static List<String> answer(ServerSocket server, String status) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            socket.getOutputStream().write((status + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
