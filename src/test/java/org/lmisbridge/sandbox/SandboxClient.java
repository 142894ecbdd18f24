package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small real HTTP client for the tests (java.net.http, loopback). */
final class SandboxClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private String auth = basic("admin", "district");

  SandboxClient(Dhis2Sandbox sb) {
    this.base = sb.baseUrl();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  SandboxClient as(String authorization) {
    this.auth = authorization;
    return this;
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20));
    if (auth != null) b.header("Authorization", auth);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    if (body == null || body.isEmpty()) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null);
  }

  HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
    return send("POST", pathAndQuery, body);
  }

  JsonNode json(HttpResponse<String> r) throws IOException {
    return MAPPER.readTree(r.body());
  }
}
