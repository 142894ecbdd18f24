package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Writes one validated tracker object into the store (create, update or delete). */
final class TrackerCommit {
  private final MetadataStore md;
  private final TrackerStore store;
  private final Instant now;
  private final SandboxUser user;

  TrackerCommit(MetadataStore md, TrackerStore store, Instant now, SandboxUser user) {
    this.md = md;
    this.store = store;
    this.now = now;
    this.user = user;
  }

  void commit(String type, String uid, JsonNode n, boolean delete) {
    switch (type) {
      case "TRACKED_ENTITY" -> {
        TrackedEntity old = store.trackedEntity(uid);
        TrackedEntity te = old != null ? old : new TrackedEntity();
        te.uid = uid;
        te.trackedEntityType = Json.text(n, "trackedEntityType");
        te.orgUnit = Json.text(n, "orgUnit");
        for (JsonNode a : n.path("attributes")) te.attributes.put(Json.text(a, "attribute"), Json.text(a, "value"));
        if (te.createdAt == null) te.createdAt = now;
        te.updatedAt = now;
        store.put(te);
      }
      case "ENROLLMENT" -> {
        Enrollment en = store.enrollment(uid) != null ? store.enrollment(uid) : new Enrollment();
        en.uid = uid;
        en.trackedEntity = Json.text(n, "trackedEntity");
        en.program = Json.text(n, "program");
        en.orgUnit = Json.text(n, "orgUnit");
        en.status = Json.text(n, "status") == null ? "ACTIVE" : Json.text(n, "status");
        en.enrolledAt = TrackerDates.parse(Json.text(n, "enrolledAt"));
        en.occurredAt = TrackerDates.parse(Json.text(n, "occurredAt"));
        if (en.createdAt == null) en.createdAt = now;
        en.updatedAt = now;
        store.put(en);
      }
      default -> event(uid, n, delete);
    }
  }

  private void event(String uid, JsonNode n, boolean delete) {
    if (delete) {
      store.remove(uid);
      return;
    }
    TrackerEvent old = store.event(uid);
    TrackerEvent e = new TrackerEvent();
    e.uid = uid;
    Meta.ProgramStage stage = md.programStage(Json.text(n, "programStage"), IdScheme.UID);
    e.programStage = stage.id();
    e.program = Json.text(n, "program") != null ? Json.text(n, "program") : stage.program();
    e.orgUnit = Json.text(n, "orgUnit");
    e.status = Json.text(n, "status") == null ? "ACTIVE" : Json.text(n, "status");
    e.occurredAt = TrackerDates.parse(Json.text(n, "occurredAt"));
    e.scheduledAt = TrackerDates.parse(Json.text(n, "scheduledAt"));
    e.enrollment = Json.text(n, "enrollment");
    e.trackedEntity = Json.text(n, "trackedEntity");
    String aoc = Json.text(n, "attributeOptionCombo");
    if (aoc != null) e.attributeOptionCombo = aoc;
    String username = user == null ? "admin" : user.username();
    e.createdBy = old != null ? old.createdBy : username;
    e.updatedBy = username;
    e.createdAt = old != null ? old.createdAt : now;
    e.updatedAt = now;
    if (old != null) e.dataValues.putAll(old.dataValues);
    for (JsonNode dv : n.path("dataValues")) {
      String de = Json.text(dv, "dataElement");
      String value = Json.text(dv, "value");
      TrackerEvent.Value prev = e.dataValues.get(de);
      if (value == null) {
        e.dataValues.remove(de);
      } else {
        e.dataValues.put(de, new TrackerEvent.Value(value, prev == null ? now : prev.createdAt(), now, username));
      }
    }
    if ("COMPLETED".equals(e.status)) {
      e.completedAt = old != null && old.completedAt != null ? old.completedAt : now;
      e.completedBy = username;
    }
    store.put(e);
  }
}
