package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /api/tracker}: import (sync and as a job), jobs, events and tracked entities. */
final class TrackerEndpoints {
  private final Dhis2Sandbox sandbox;
  private final TrackerImporter importer;
  private final EventQuery events;

  TrackerEndpoints(Dhis2Sandbox sandbox) {
    this.sandbox = sandbox;
    this.importer = new TrackerImporter(sandbox.metadata(), sandbox.events(), sandbox.clock());
    this.events = new EventQuery(sandbox);
  }

  Reply post(Request r) {
    JsonNode body = r.json();
    if (r.query.first("async") != null && !r.query.bool("async", true)) {
      Map.Entry<Integer, ObjectNode> result = importer.importPayload(body, r.query, r.user);
      return Reply.json(result.getKey(), result.getValue());
    }
    SandboxUser user = r.user;
    QueryParams q = r.query;
    Jobs.Job job = sandbox.jobs().submit("TRACKER_IMPORT_JOB", "Tracker import started",
        () -> importer.importPayload(body, q, user).getValue(),
        s -> "Import complete with status " + s.path("status").asText() + ", "
            + s.path("stats").path("created").asInt() + " created, " + s.path("stats").path("updated").asInt()
            + " updated, " + s.path("stats").path("deleted").asInt() + " deleted, "
            + s.path("stats").path("ignored").asInt() + " ignored");
    ObjectNode msg = Json.webMessage(200, "OK", "Tracker job added");
    msg.putObject("response").put("id", job.id).put("location", r.baseUrl + "/tracker/jobs/" + job.id)
        .put("responseType", "TrackerJobWebMessageResponse");
    return Reply.json(200, msg);
  }

  Reply job(String id) {
    Jobs.Job job = sandbox.jobs().get(id);
    if (job == null) return Reply.error(404, "TRACKER_IMPORT_JOB with id " + id + " could not be found.");
    return Reply.json(200, job.notificationsJson());
  }

  Reply jobReport(String id) {
    Jobs.Job job = sandbox.jobs().get(id);
    if (job == null || job.summary == null) {
      return Reply.error(404, "TRACKER_IMPORT_JOB with id " + id + " could not be found.");
    }
    return Reply.json(200, job.summary);
  }

  Reply events(Request r) {
    return events.run(r);
  }

  Reply event(Request r, String uid) {
    TrackerEvent e = sandbox.events().event(uid);
    if (e == null) return Reply.error(404, "Event with id " + uid + " could not be found.");
    IdScheme scheme = IdScheme.firstNonNull(IdScheme.parse(r.query.first("idScheme")), IdScheme.UID);
    return Reply.json(200, FieldFilter.parse(r.query.first("fields"), "*").apply(TrackerJson.event(e, sandbox.metadata(), scheme)));
  }

  /** {@code GET /api/tracker/trackedEntities?program=&orgUnit=&filter=ATTR:eq:VALUE}. */
  Reply trackedEntities(Request r) {
    QueryParams q = r.query;
    MetadataStore md = sandbox.metadata();
    String program = q.first("program");
    Meta.Program p = md.program(program, IdScheme.UID);
    String type = q.first("trackedEntityType");
    List<TrackedEntity> matches = new ArrayList<>();
    for (TrackedEntity te : sandbox.events().trackedEntities()) {
      if (type != null && !type.equals(te.trackedEntityType)) continue;
      if (p != null && p.trackedEntityType() != null && !p.trackedEntityType().equals(te.trackedEntityType)) continue;
      if (program != null && sandbox.events().enrollments().stream()
          .noneMatch(en -> te.uid.equals(en.trackedEntity) && program.equals(en.program))) continue;
      if (!orgUnitMatches(q, r.user, te)) continue;
      if (!filtersMatch(q, te)) continue;
      if (q.first("trackedEntities") != null && !List.of(q.first("trackedEntities").split("[,;]")).contains(te.uid)) continue;
      matches.add(te);
    }
    Paging paging = Paging.from(q);
    IdScheme scheme = IdScheme.firstNonNull(IdScheme.parse(q.first("idScheme")), IdScheme.UID);
    FieldFilter fields = FieldFilter.parse(q.first("fields"), "*");
    ArrayNode items = Json.array();
    for (TrackedEntity te : paging.slice(matches)) {
      items.add(fields.apply(TrackerJson.trackedEntity(te, sandbox.events(), md, scheme)));
    }
    return Reply.json(200, TrackerJson.page(sandbox.minorVersion(), "trackedEntities", items, paging, matches.size(),
        q.bool("totalPages", false), r));
  }

  private boolean orgUnitMatches(QueryParams q, SandboxUser user, TrackedEntity te) {
    TrackerEvent probe = new TrackerEvent();
    probe.orgUnit = te.orgUnit;
    return EventQuery.orgUnitFilter(q, user, sandbox.metadata()).test(probe);
  }

  private boolean filtersMatch(QueryParams q, TrackedEntity te) {
    for (String f : q.all("filter")) {
      String[] p = f.split(":", 3);
      if (p.length < 3) throw new IllegalArgumentException("Unable to parse filter `" + f + "`");
      Meta.TrackedEntityAttribute a = sandbox.metadata().trackedEntityAttribute(p[0], IdScheme.UID);
      if (a == null) a = sandbox.metadata().trackedEntityAttribute(p[0], IdScheme.CODE);
      String value = a == null ? null : te.attributes.get(a.id());
      if (value == null) return false;
      boolean ok = switch (p[1].toLowerCase()) {
        case "eq" -> value.equalsIgnoreCase(p[2]);
        case "like", "ilike" -> value.toLowerCase().contains(p[2].toLowerCase());
        case "in" -> List.of(p[2].split(";")).contains(value);
        case "ne", "neq" -> !value.equalsIgnoreCase(p[2]);
        default -> throw new IllegalArgumentException("Operator not supported: `" + p[1] + "`");
      };
      if (!ok) return false;
    }
    return true;
  }
}
