package org.lmisbridge.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP side: reads each request, asks the fault injector, authenticates {@code /api} paths,
 * hands the request to the router, sends the answer (or misbehaves) and writes the journal.
 */
final class SandboxHandler implements HttpHandler {
  private static final String[] JOURNALED_HEADERS = {"Content-Type", "Accept", "X-Requested-With", "User-Agent"};
  private static final String NON_JSON_PAGE = "<!doctype html><html><head><title>502 Bad Gateway</title></head>"
      + "<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p>"
      + "</body></html>";

  private final Dhis2Sandbox sandbox;
  private final Function<Request, Reply> router;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;

  SandboxHandler(Dhis2Sandbox sandbox, Function<Request, Reply> router, ExecutorService workers,
      ScheduledExecutorService timer) {
    this.sandbox = sandbox;
    this.router = router;
    this.workers = workers;
    this.timer = timer;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long started = System.nanoTime();
    Instant time = Instant.now();
    byte[] body;
    try (var in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    String path = ex.getRequestURI().getRawPath();
    Request r = new Request(ex.getRequestMethod(), path, new QueryParams(ex.getRequestURI().getRawQuery()),
        ex.getRequestHeaders(), body, sandbox.baseUrl());
    Fault fault = path.startsWith("/sandbox/") ? null : sandbox.faults().decide(r.method, path);
    if (fault == null) {
      finish(ex, r, null, answer(r), time, started);
      return;
    }
    switch (fault.kind()) {
      case STATUS -> {
        Reply reply = Reply.error(fault.status(), HttpReason.of(fault.status()));
        if (fault.retryAfterSeconds() > 0) reply.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        finish(ex, r, fault, reply, time, started);
      }
      case SLOW -> timer.schedule(() -> workers.execute(() -> finish(ex, r, fault, answer(r), time, started)),
          fault.millis(), TimeUnit.MILLISECONDS);
      case TIMEOUT -> {
        record(r, -1, fault, time, started);
        timer.schedule(ex::close, Math.min(fault.millis(), Fault.MAX_HOLD_MILLIS), TimeUnit.MILLISECONDS);
      }
      case RESET -> {
        record(r, -1, fault, time, started);
        ex.close();
      }
      case TRUNCATED -> finish(ex, r, fault, answer(r), time, started);
      case NON_JSON -> finish(ex, r, fault, Reply.html(200, NON_JSON_PAGE), time, started);
      default -> finish(ex, r, null, answer(r), time, started);
    }
  }

  private Reply answer(Request r) {
    try {
      if (r.path.startsWith("/api/") || r.path.equals("/api")) {
        Object auth = sandbox.auth().authenticate(r);
        if (auth instanceof Reply reply) return reply;
        r.user = (SandboxUser) auth;
      }
      return router.apply(r);
    } catch (IllegalArgumentException e) {
      return Reply.error(400, e.getMessage());
    } catch (RuntimeException e) {
      return Reply.error(500, String.valueOf(e));
    }
  }

  private void finish(HttpExchange ex, Request r, Fault fault, Reply reply, Instant time, long started) {
    try {
      ex.getResponseHeaders().clear();
      if (reply.contentType() != null) ex.getResponseHeaders().set("Content-Type", reply.contentType());
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      byte[] b = reply.body();
      boolean truncate = fault != null && fault.kind() == Fault.Kind.TRUNCATED;
      record(r, truncate ? -1 : reply.status(), fault, time, started);
      if (b.length == 0 && !truncate) {
        ex.sendResponseHeaders(reply.status(), -1);
        ex.close();
        return;
      }
      if (truncate && b.length < 2) b = "{\"truncated\":true}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(reply.status(), b.length);
      OutputStream os = ex.getResponseBody();
      if (truncate) {
        os.write(b, 0, b.length / 2);
        os.flush();
      } else {
        os.write(b);
      }
      ex.close();
    } catch (IOException | RuntimeException e) {
      ex.close();
    }
  }

  private void record(Request r, int status, Fault fault, Instant time, long started) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : JOURNALED_HEADERS) {
      String v = r.header(h);
      if (v != null) headers.put(h, v);
    }
    String auth = r.header("Authorization");
    if (auth != null) headers.put("Authorization", auth.split(" ", 2)[0] + " ***");
    Journal journal = sandbox.journal();
    String body = journal.keepsBodies() && r.body.length > 0 ? new String(r.body, StandardCharsets.UTF_8) : null;
    journal.add(new JournalEntry(time, r.method, r.path, r.query.raw(), headers, body, status,
        fault == null ? null : fault.toString(), (System.nanoTime() - started) / 1_000_000,
        r.user == null ? null : r.user.username()));
  }
}
