package org.lmisbridge.sandbox;

import java.time.Instant;
import java.time.LocalDateTime;

/** An enrollment of a tracked entity in a program. */
public final class Enrollment {
  String uid;
  String trackedEntity;
  String program;
  String orgUnit;
  String status = "ACTIVE";
  LocalDateTime enrolledAt;
  LocalDateTime occurredAt;
  Instant createdAt;
  Instant updatedAt;

  public String uid() { return uid; }
  public String trackedEntity() { return trackedEntity; }
  public String program() { return program; }
  public String orgUnit() { return orgUnit; }
  public String status() { return status; }
}
