package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/tracker}: validates tracked entities, enrollments and events, then commits
 * them all (atomicMode ALL, the default: one error rejects everything with 409) or the valid ones
 * (atomicMode OBJECT). Client-supplied UIDs are kept; re-posting one updates it.
 */
final class TrackerImporter {
  private static final String[] TYPES = {"ENROLLMENT", "EVENT", "RELATIONSHIP", "TRACKED_ENTITY"};

  private final MetadataStore md;
  private final TrackerStore store;
  private final Clock clock;

  TrackerImporter(MetadataStore md, TrackerStore store, Clock clock) {
    this.md = md;
    this.store = store;
    this.clock = clock;
  }

  private static final class Item {
    final String type;
    final String uid;
    final JsonNode json;
    final List<ObjectNode> errors = new ArrayList<>();
    boolean exists;

    Item(String type, String uid, JsonNode json) {
      this.type = type;
      this.uid = uid;
      this.json = json;
    }
  }

  /** Answers the HTTP status and the import report. */
  synchronized Map.Entry<Integer, ObjectNode> importPayload(JsonNode body, QueryParams q, SandboxUser user) {
    String strategy = q.first("importStrategy") == null ? "CREATE_AND_UPDATE" : q.first("importStrategy").toUpperCase();
    boolean atomicAll = !"OBJECT".equalsIgnoreCase(q.first("atomicMode"));
    boolean validateOnly = "VALIDATE".equalsIgnoreCase(q.first("importMode"));
    List<Item> items = new ArrayList<>();
    Map<String, JsonNode> payloadEnrollments = new LinkedHashMap<>();
    Map<String, JsonNode> payloadEntities = new LinkedHashMap<>();
    for (JsonNode te : body.path("trackedEntities")) {
      Item it = new Item("TRACKED_ENTITY", uid(te, "trackedEntity"), te);
      items.add(it);
      payloadEntities.put(it.uid, te);
      for (JsonNode en : te.path("enrollments")) {
        ObjectNode copy = ((ObjectNode) en).deepCopy();
        copy.put("trackedEntity", it.uid);
        Item e = new Item("ENROLLMENT", uid(copy, "enrollment"), copy);
        items.add(e);
        payloadEnrollments.put(e.uid, copy);
        for (JsonNode ev : en.path("events")) {
          ObjectNode evc = ((ObjectNode) ev).deepCopy();
          evc.put("enrollment", e.uid);
          evc.put("trackedEntity", it.uid);
          if (!evc.has("program")) evc.put("program", Json.text(copy, "program"));
          items.add(new Item("EVENT", uid(evc, "event"), evc));
        }
      }
    }
    for (JsonNode en : body.path("enrollments")) {
      Item e = new Item("ENROLLMENT", uid(en, "enrollment"), en);
      items.add(e);
      payloadEnrollments.put(e.uid, en);
    }
    for (JsonNode ev : body.path("events")) items.add(new Item("EVENT", uid(ev, "event"), ev));

    TrackerValidator validator = new TrackerValidator(md, store, payloadEntities, payloadEnrollments);
    for (Item it : items) {
      it.exists = switch (it.type) {
        case "TRACKED_ENTITY" -> store.trackedEntity(it.uid) != null;
        case "ENROLLMENT" -> store.enrollment(it.uid) != null;
        default -> store.event(it.uid) != null;
      };
      validator.validate(it.type, it.uid, it.json, strategy, it.exists, it.errors);
    }
    boolean anyError = items.stream().anyMatch(i -> !i.errors.isEmpty());
    ObjectNode report = Json.object();
    ArrayNode errorReports = Json.array();
    items.forEach(i -> i.errors.forEach(errorReports::add));
    if (anyError && atomicAll) {
      report.put("status", "ERROR");
      report.putObject("validationReport").<ObjectNode>set("errorReports", errorReports).putArray("warningReports");
      report.set("stats", stats(0, 0, 0, items.size()));
      return Map.entry(409, report);
    }
    if (validateOnly) {
      report.put("status", anyError ? "ERROR" : "OK");
      report.putObject("validationReport").<ObjectNode>set("errorReports", errorReports).putArray("warningReports");
      report.set("stats", stats(0, 0, 0, 0));
      report.putObject("bundleReport").putObject("typeReportMap");
      return Map.entry(anyError ? 409 : 200, report);
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, ArrayNode> objectReports = new LinkedHashMap<>();
    for (String t : TYPES) {
      counts.put(t, new int[4]);
      objectReports.put(t, Json.array());
    }
    Instant now = clock.instant();
    for (Item it : items) {
      int[] c = counts.get(it.type);
      if (!it.errors.isEmpty()) {
        c[3]++;
        continue;
      }
      boolean delete = strategy.equals("DELETE");
      new TrackerCommit(md, store, now, user).commit(it.type, it.uid, it.json, delete);
      c[delete ? 2 : it.exists ? 1 : 0]++;
      objectReports.get(it.type).addObject().put("trackerType", it.type).put("uid", it.uid).putArray("errorReports");
    }
    int[] total = new int[4];
    counts.values().forEach(c -> { for (int k = 0; k < 4; k++) total[k] += c[k]; });
    report.put("status", "OK");
    report.putObject("validationReport").<ObjectNode>set("errorReports", errorReports).putArray("warningReports");
    report.set("stats", stats(total[0], total[1], total[2], total[3]));
    ObjectNode map = report.putObject("bundleReport").putObject("typeReportMap");
    for (String t : TYPES) {
      int[] c = counts.get(t);
      ObjectNode tr = map.putObject(t);
      tr.put("trackerType", t);
      tr.set("stats", stats(c[0], c[1], c[2], c[3]));
      tr.set("objectReports", objectReports.get(t));
    }
    return Map.entry(200, report);
  }

  static ObjectNode stats(int created, int updated, int deleted, int ignored) {
    ObjectNode s = Json.object();
    s.put("created", created).put("updated", updated).put("deleted", deleted).put("ignored", ignored)
        .put("total", created + updated + deleted + ignored);
    return s;
  }

  private static String uid(JsonNode n, String field) {
    String u = Json.text(n, field);
    if (u == null) {
      u = Uids.random();
      if (n instanceof ObjectNode o) o.put(field, u);
    }
    return u;
  }
}
