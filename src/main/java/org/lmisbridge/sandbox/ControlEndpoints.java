package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The control paths outside {@code /api}, for test suites in other processes:
 * {@code POST/GET/DELETE /sandbox/faults}, {@code GET/DELETE /sandbox/journal}, {@code GET /sandbox/stats}.
 */
final class ControlEndpoints {
  private final Dhis2Sandbox sandbox;

  ControlEndpoints(Dhis2Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  Reply handle(Request r, String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    switch (r.method + " " + p) {
      case "POST /sandbox/faults": return addFault(r.json());
      case "GET /sandbox/faults": {
        ArrayNode a = Json.array();
        sandbox.faults().describe().forEach(a::add);
        return Reply.json(200, a);
      }
      case "DELETE /sandbox/faults":
        sandbox.faults().clear();
        return Reply.empty(204);
      case "GET /sandbox/journal": return journal(r);
      case "DELETE /sandbox/journal":
        sandbox.clearJournal();
        return Reply.empty(204);
      case "GET /sandbox/stats": {
        ObjectNode n = Json.object();
        n.put("dataValues", sandbox.dataValues().count());
        n.put("events", sandbox.events().count());
        n.put("requests", sandbox.journal().total());
        return Reply.json(200, n);
      }
      default: return Reply.error(404, "Not found: " + r.method + " " + r.path);
    }
  }

  /**
   * {@code {"method":"POST","path":"/api/dataValueSets","regex":false,"script":["503","RESET","OK"]}} or
   * {@code {"path":"/api/","rate":0.3,"seed":42,"faults":["503","RESET","TIMEOUT:5000"]}}.
   */
  private Reply addFault(JsonNode n) {
    String method = Json.text(n, "method");
    String path = Json.text(n, "path") == null ? "/" : Json.text(n, "path");
    boolean regex = n.path("regex").asBoolean(false);
    List<Fault> faults = new ArrayList<>();
    JsonNode list = n.has("script") ? n.get("script") : n.path("faults");
    for (JsonNode f : list) faults.add(Fault.parse(f.asText()));
    Fault[] arr = faults.toArray(new Fault[0]);
    FaultInjector fi = sandbox.faults();
    if (n.has("script")) {
      if (regex) fi.scriptRegex(method, path, arr); else fi.script(method, path, arr);
    } else {
      double rate = n.path("rate").asDouble(1.0);
      long seed = n.path("seed").asLong(1L);
      if (regex) fi.rateRegex(method, path, rate, seed, arr); else fi.rate(method, path, rate, seed, arr);
    }
    return Reply.message(201, "OK", "Fault rule added");
  }

  private Reply journal(Request r) {
    int limit = r.query.integer("limit", 1000);
    List<JournalEntry> entries = sandbox.journal().entries();
    ArrayNode a = Json.array();
    for (JournalEntry e : entries.subList(Math.max(0, entries.size() - limit), entries.size())) {
      ObjectNode o = a.addObject();
      o.put("time", e.time().toString()).put("method", e.method()).put("path", e.path()).put("query", e.query());
      ObjectNode h = o.putObject("headers");
      e.headers().forEach(h::put);
      o.put("body", e.body()).put("status", e.status()).put("fault", e.fault())
          .put("durationMillis", e.durationMillis()).put("user", e.user());
    }
    return Reply.json(200, a);
  }
}
