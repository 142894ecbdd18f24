package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The sandbox's one JSON mapper and the date formats DHIS2 writes. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** DHIS2's usual timestamp, e.g. {@code 2026-11-22T04:03:31.633}. */
  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  /** The data value export timestamp, e.g. {@code 2026-11-22T04:03:26.000+0000}. */
  static final DateTimeFormatter DATA_VALUE_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? object() : MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("Body is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The text of a field, or null when it is missing, null or blank. */
  static String text(JsonNode node, String field) {
    if (node == null) return null;
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (v.isObject()) return text(v, "id");
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }

  static String timestamp(Instant t) {
    return TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  static String dataValueTimestamp(Instant t) {
    return DATA_VALUE_TIMESTAMP.format(t.atOffset(ZoneOffset.UTC));
  }

  /** A DHIS2 web message: {httpStatus, httpStatusCode, status, message}. */
  static ObjectNode webMessage(int code, String status, String message) {
    ObjectNode n = object();
    n.put("httpStatus", HttpReason.of(code));
    n.put("httpStatusCode", code);
    n.put("status", status);
    if (message != null) n.put("message", message);
    return n;
  }
}
