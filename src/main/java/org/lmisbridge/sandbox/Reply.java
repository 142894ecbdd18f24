package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to send: status, headers and body. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json;charset=UTF-8";

  static Reply json(int status, JsonNode body) {
    return new Reply(status, JSON, Json.bytes(body), new LinkedHashMap<>());
  }

  static Reply message(int status, String status2, String message) {
    return json(status, Json.webMessage(status, status2, message));
  }

  static Reply error(int status, String message) {
    return message(status, "ERROR", message);
  }

  static Reply html(int status, String html) {
    return new Reply(status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
  }

  static Reply redirect(String location) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Location", location);
    return new Reply(302, null, new byte[0], h);
  }

  static Reply empty(int status) {
    return new Reply(status, null, new byte[0], new LinkedHashMap<>());
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
