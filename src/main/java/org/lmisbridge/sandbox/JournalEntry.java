package org.lmisbridge.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One request the sandbox received: what was asked, what it answered ({@code status} is -1 when
 * no answer was sent: a reset or a timeout) and which fault, if any, was injected.
 */
public record JournalEntry(Instant time, String method, String path, String query, Map<String, String> headers,
    String body, int status, String fault, long durationMillis, String user) {

  /** The path with the query string, as a client wrote it. */
  public String uri() {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }
}
