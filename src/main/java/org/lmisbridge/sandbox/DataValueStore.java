package org.lmisbridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * Aggregate data values in a hash map keyed by (data element, period, org unit, category option
 * combo, attribute option combo). Keys share the metadata's UID strings, so a value costs roughly
 * a hundred bytes plus its text.
 */
public final class DataValueStore {
  record Key(String de, String pe, String ou, String coc, String aoc) {}

  /** The mutable part of a stored value. */
  static final class Stored {
    String value;
    String comment;
    String storedBy;
    long created;
    long lastUpdated;
    boolean followup;
  }

  private final Map<Key, Stored> values = new LinkedHashMap<>();
  private final Map<String, String> periods = new ConcurrentHashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** The one shared instance of a period string. */
  String period(String iso) {
    return periods.computeIfAbsent(iso, p -> p);
  }

  ReadWriteLock lock() {
    return lock;
  }

  /** Callers hold the lock. */
  Stored get(Key key) {
    return values.get(key);
  }

  void put(Key key, Stored stored) {
    values.put(key, stored);
  }

  void remove(Key key) {
    values.remove(key);
  }

  // ---- read access for tests ---------------------------------------------------------------------

  public int count() {
    lock.readLock().lock();
    try {
      return values.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The value under the default attribute option combo. */
  public Optional<DataValue> find(String de, String pe, String ou, String coc) {
    return find(de, pe, ou, coc, MetadataStore.DEFAULT_COC);
  }

  public Optional<DataValue> find(String de, String pe, String ou, String coc, String aoc) {
    Key key = new Key(de, pe, ou, coc == null ? MetadataStore.DEFAULT_COC : coc, aoc == null ? MetadataStore.DEFAULT_COC : aoc);
    lock.readLock().lock();
    try {
      Stored s = values.get(key);
      return s == null ? Optional.empty() : Optional.of(view(key, s));
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<DataValue> all() {
    return matching(v -> true);
  }

  public List<DataValue> matching(Predicate<DataValue> filter) {
    List<DataValue> out = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Map.Entry<Key, Stored> e : values.entrySet()) {
        DataValue v = view(e.getKey(), e.getValue());
        if (filter.test(v)) out.add(v);
      }
    } finally {
      lock.readLock().unlock();
    }
    return out;
  }

  public void clear() {
    lock.writeLock().lock();
    try {
      values.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static DataValue view(Key k, Stored s) {
    return new DataValue(k.de(), k.pe(), k.ou(), k.coc(), k.aoc(), s.value, s.comment, s.storedBy,
        Instant.ofEpochMilli(s.created), Instant.ofEpochMilli(s.lastUpdated), s.followup);
  }
}
