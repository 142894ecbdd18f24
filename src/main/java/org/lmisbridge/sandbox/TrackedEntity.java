package org.lmisbridge.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tracked entity (e.g. an RTS "Item") with its attribute values (attribute UID to value). */
public final class TrackedEntity {
  String uid;
  String trackedEntityType;
  String orgUnit;
  final Map<String, String> attributes = new LinkedHashMap<>();
  Instant createdAt;
  Instant updatedAt;
  long sequence;

  public String uid() { return uid; }
  public String trackedEntityType() { return trackedEntityType; }
  public String orgUnit() { return orgUnit; }
  public Map<String, String> attributes() { return Collections.unmodifiableMap(attributes); }
  public Instant updatedAt() { return updatedAt; }
}
