package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** An incoming request, its body read, and the user it was authenticated as. */
final class Request {
  final String method;
  final String path;
  final QueryParams query;
  final Headers headers;
  final byte[] body;
  final String baseUrl;
  SandboxUser user;

  Request(String method, String path, QueryParams query, Headers headers, byte[] body, String baseUrl) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.baseUrl = baseUrl;
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  JsonNode json() {
    return Json.parse(body);
  }

  InputStream bodyStream() {
    return new ByteArrayInputStream(body);
  }

  /** The full URL of this request, as DHIS2 builds its page links. */
  String url() {
    String q = query.raw();
    return baseUrl + path + (q.isEmpty() ? "" : "?" + q);
  }
}
