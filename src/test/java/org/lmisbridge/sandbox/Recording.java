package org.lmisbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One recorded exchange from src/test/resources/dhis2-samples: the request and the real answer. */
record Recording(String name, String method, String pathAndQuery, Map<String, String> requestHeaders,
    String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {

  static Recording load(String name) {
    try (InputStream in = Recording.class.getResourceAsStream("/dhis2-samples/" + name)) {
      if (in == null) throw new IllegalArgumentException("No recording " + name);
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Recording parse(String name, String text) {
    int split = text.indexOf("\n--- response");
    String req = text.substring(0, split);
    String resp = text.substring(text.indexOf('\n', split + 1) + 1);
    String[] reqParts = req.split("\n\n", 2);
    String[] reqLines = reqParts[0].split("\n");
    String[] first = reqLines[0].split(" ", 2);
    URI uri = URI.create(first[1].trim());
    String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Map<String, String> reqHeaders = headers(reqLines, 1);
    String reqBody = reqParts.length > 1 ? reqParts[1].trim() : "";
    String[] respParts = resp.split("\n\n", 2);
    String[] respLines = respParts[0].split("\n");
    int status = Integer.parseInt(respLines[0].trim().split(" ")[1]);
    Map<String, String> respHeaders = headers(respLines, 1);
    String respBody = respParts.length > 1 ? respParts[1].trim() : "";
    return new Recording(name, first[0], pathAndQuery, reqHeaders, reqBody, status, respHeaders, respBody);
  }

  private static Map<String, String> headers(String[] lines, int from) {
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = from; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) h.put(lines[i].substring(0, c).trim(), lines[i].substring(c + 1).trim());
    }
    return h;
  }
}
