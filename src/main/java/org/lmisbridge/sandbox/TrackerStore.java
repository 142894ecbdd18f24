package org.lmisbridge.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tracked entities, enrollments and events, by UID; events remember their insertion order. */
public final class TrackerStore {
  private final Map<String, TrackerEvent> events = new ConcurrentHashMap<>();
  private final Map<String, TrackedEntity> trackedEntities = new ConcurrentHashMap<>();
  private final Map<String, Enrollment> enrollments = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Clock clock;

  TrackerStore(Clock clock) {
    this.clock = clock;
  }

  /** Adds or replaces an event; a new one gets a UID and timestamps if it has none. */
  synchronized String put(TrackerEvent e) {
    if (e.uid == null) e.uid = Uids.random();
    TrackerEvent old = events.get(e.uid);
    e.sequence = old != null ? old.sequence : sequence.incrementAndGet();
    if (e.createdAt == null) e.createdAt = old != null ? old.createdAt : clock.instant();
    if (e.updatedAt == null) e.updatedAt = clock.instant();
    if (e.enrollment == null) e.enrollment = Uids.fromSeed("enrollment:" + e.program);
    if ("COMPLETED".equals(e.status) && e.completedAt == null) {
      e.completedAt = e.updatedAt;
      e.completedBy = e.updatedBy;
    }
    events.put(e.uid, e);
    return e.uid;
  }

  synchronized void remove(String uid) {
    events.remove(uid);
  }

  void put(TrackedEntity te) {
    if (te.sequence == 0) te.sequence = sequence.incrementAndGet();
    trackedEntities.put(te.uid, te);
  }

  void put(Enrollment en) {
    enrollments.put(en.uid, en);
  }

  public TrackerEvent event(String uid) {
    return uid == null ? null : events.get(uid);
  }

  public TrackedEntity trackedEntity(String uid) {
    return uid == null ? null : trackedEntities.get(uid);
  }

  public Enrollment enrollment(String uid) {
    return uid == null ? null : enrollments.get(uid);
  }

  /** All events, newest inserted first (DHIS2's default order). */
  public List<TrackerEvent> all() {
    List<TrackerEvent> out = new ArrayList<>(events.values());
    out.sort(Comparator.comparingLong((TrackerEvent e) -> e.sequence).reversed());
    return out;
  }

  public int count() {
    return events.size();
  }

  public List<TrackedEntity> trackedEntities() {
    List<TrackedEntity> out = new ArrayList<>(trackedEntities.values());
    out.sort(Comparator.comparingLong((TrackedEntity e) -> e.sequence));
    return out;
  }

  public List<Enrollment> enrollments() {
    return new ArrayList<>(enrollments.values());
  }

  public void clear() {
    events.clear();
    trackedEntities.clear();
    enrollments.clear();
  }
}
