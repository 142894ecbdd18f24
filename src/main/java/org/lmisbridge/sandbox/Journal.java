package org.lmisbridge.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The last N requests (bounded), bodies kept only if asked, for tests to assert on. */
public final class Journal {
  private final Deque<JournalEntry> entries = new ArrayDeque<>();
  private final int capacity;
  private final boolean keepBodies;
  private long total;

  Journal(int capacity, boolean keepBodies) {
    this.capacity = Math.max(1, capacity);
    this.keepBodies = keepBodies;
  }

  boolean keepsBodies() {
    return keepBodies;
  }

  synchronized void add(JournalEntry e) {
    if (entries.size() >= capacity) entries.removeFirst();
    entries.addLast(e);
    total++;
  }

  public synchronized List<JournalEntry> entries() {
    return new ArrayList<>(entries);
  }

  public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
    return entries().stream().filter(filter).toList();
  }

  /** Entries for a method and a path prefix. */
  public List<JournalEntry> entries(String method, String pathPrefix) {
    return entries(e -> (method == null || e.method().equalsIgnoreCase(method)) && e.path().startsWith(pathPrefix));
  }

  /** How many requests were recorded since the start (or last clear), including dropped ones. */
  public synchronized long total() {
    return total;
  }

  public synchronized void clear() {
    entries.clear();
    total = 0;
  }
}
