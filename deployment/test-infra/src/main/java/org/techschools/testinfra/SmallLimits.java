package org.techschools.testinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * For the one test class of a service that reaches its request limits: configuration overrides with small limits (in a
 * test profile of its own, so no other test class meets them), and a client that announces a body it never sends.
 */
public final class SmallLimits {

    private SmallLimits() {
    }

    /**
     * Overrides of {@code platform.limits.rate.KIND} to the given requests a minute, and of any other setting given, both
     * plain and for the {@code test} profile (where application.properties sets its own, larger, test limits).
     *
     * @param settings property name (without profile) to value, e.g. {@code platform.limits.reveal.per-day=2}
     */
    public static Map<String, String> overrides(Map<String, Integer> requestsPerMinute, Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        requestsPerMinute.forEach((kind, requests) -> {
            config.put("platform.limits.rate." + kind + ".requests", requests.toString());
            config.put("platform.limits.rate." + kind + ".period", "PT1M");
        });
        Map<String, String> all = new HashMap<>(config);
        config.forEach((name, value) -> all.put("%test." + name, value));
        return all;
    }

    /** An HTTP answer: status, headers by lower-case name, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends the head of a POST announcing {@code length} bytes of body with {@code Expect: 100-continue}, and no body: a
     * server that refuses the body on its announced length answers at once, as it should a client of a large upload.
     *
     * @param token the bearer token, or null for none
     */
    public static Answer announce(URI uri, String token, String contentType, long length) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(length).append("\r\n")
                    .append("Expect: 100-continue\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
