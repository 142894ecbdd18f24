package org.lmisbridge.sandbox;

import java.time.Instant;
import java.time.LocalDate;

/** An organisation unit; mutable so tests can rename, move and close it. */
public final class OrgUnit implements Meta.Identified {
  private final String id;
  private volatile String code;
  private volatile String name;
  private volatile String shortName;
  private volatile String parent;
  private volatile String path;
  private volatile int level;
  private volatile LocalDate openingDate;
  private volatile LocalDate closedDate;
  private volatile Instant created;
  private volatile Instant lastUpdated;

  OrgUnit(String id, String code, String name, String shortName, String parent,
      LocalDate openingDate, LocalDate closedDate, Instant created) {
    this.id = id;
    this.created = created;
    update(code, name, shortName, parent, openingDate, closedDate, created);
  }

  @Override public String id() { return id; }
  @Override public String code() { return code; }
  @Override public String name() { return name; }
  public String shortName() { return shortName; }
  public String parent() { return parent; }
  public String path() { return path; }
  public int level() { return level; }
  public LocalDate openingDate() { return openingDate; }
  public LocalDate closedDate() { return closedDate; }
  public Instant created() { return created; }
  public Instant lastUpdated() { return lastUpdated; }

  void hierarchy(String path, int level) {
    this.path = path;
    this.level = level;
  }

  void update(String code, String name, String shortName, String parent, LocalDate openingDate,
      LocalDate closedDate, Instant now) {
    this.code = code;
    this.name = name;
    this.shortName = shortName;
    this.parent = parent;
    this.openingDate = openingDate;
    this.closedDate = closedDate;
    this.lastUpdated = now;
  }

  void touch(Instant now) {
    this.lastUpdated = now;
  }

  /** True when this unit is {@code ancestorId} or lies below it. */
  public boolean isWithin(String ancestorId) {
    return path != null && path.contains("/" + ancestorId);
  }
}
