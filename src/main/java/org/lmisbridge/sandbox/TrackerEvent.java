package org.lmisbridge.sandbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tracker event. Tests build one with {@link #of} and add it with {@code sandbox.addEvent}. */
public final class TrackerEvent {
  /** One data value of the event. */
  public record Value(String value, Instant createdAt, Instant updatedAt, String storedBy) {}

  String uid;
  String program;
  String programStage;
  String enrollment;
  String trackedEntity;
  String orgUnit;
  String status = "ACTIVE";
  LocalDateTime occurredAt;
  LocalDateTime scheduledAt;
  String attributeOptionCombo = MetadataStore.DEFAULT_COC;
  final Map<String, Value> dataValues = new LinkedHashMap<>();
  Instant createdAt;
  Instant updatedAt;
  Instant completedAt;
  String completedBy;
  String createdBy = "admin";
  String updatedBy = "admin";
  long sequence;

  TrackerEvent() {}

  /** A new event; {@code values} maps data element UIDs to values; {@code occurredAt} is yyyy-MM-dd[THH:mm:ss]. */
  public static TrackerEvent of(String program, String programStage, String orgUnit, String status, String occurredAt,
      Map<String, String> values) {
    TrackerEvent e = new TrackerEvent();
    e.program = program;
    e.programStage = programStage;
    e.orgUnit = orgUnit;
    e.status = status;
    e.occurredAt = TrackerDates.parse(occurredAt);
    Instant now = Instant.now();
    values.forEach((k, v) -> e.dataValues.put(k, new Value(v, now, now, "admin")));
    return e;
  }

  public TrackerEvent uid(String uid) { this.uid = uid; return this; }
  public TrackerEvent enrollment(String enrollment) { this.enrollment = enrollment; return this; }
  public TrackerEvent trackedEntity(String trackedEntity) { this.trackedEntity = trackedEntity; return this; }
  /** Sets createdAt/updatedAt, e.g. for watermark tests. */
  public TrackerEvent updatedAt(Instant t) { this.createdAt = t; this.updatedAt = t; return this; }

  public String uid() { return uid; }
  public String program() { return program; }
  public String programStage() { return programStage; }
  public String enrollment() { return enrollment; }
  public String trackedEntity() { return trackedEntity; }
  public String orgUnit() { return orgUnit; }
  public String status() { return status; }
  public LocalDateTime occurredAt() { return occurredAt; }
  public Instant createdAt() { return createdAt; }
  public Instant updatedAt() { return updatedAt; }
  public Map<String, Value> dataValues() { return Collections.unmodifiableMap(dataValues); }

  /** The value of one data element, or null. */
  public String value(String dataElement) {
    Value v = dataValues.get(dataElement);
    return v == null ? null : v.value();
  }
}
