package org.lmisbridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Objects of one type, found by UID, code or name. Insertion order is kept for listings. */
final class Registry<T extends Meta.Identified> {
  private final Map<String, T> byId = new ConcurrentHashMap<>();
  private final Map<String, T> byCode = new ConcurrentHashMap<>();
  private final Map<String, T> byName = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();

  synchronized void put(T object) {
    T old = byId.put(object.id(), object);
    if (old != null) {
      if (old.code() != null) byCode.remove(old.code(), old);
      if (old.name() != null) byName.remove(old.name(), old);
    } else {
      order.add(object.id());
    }
    if (object.code() != null) byCode.put(object.code(), object);
    if (object.name() != null) byName.put(object.name(), object);
  }

  /** Re-indexes an object whose code or name changed in place. */
  synchronized void reindex(T object, String oldCode, String oldName) {
    if (oldCode != null) byCode.remove(oldCode, object);
    if (oldName != null) byName.remove(oldName, object);
    if (object.code() != null) byCode.put(object.code(), object);
    if (object.name() != null) byName.put(object.name(), object);
  }

  synchronized T remove(String id) {
    T old = byId.remove(id);
    if (old != null) {
      order.remove(id);
      if (old.code() != null) byCode.remove(old.code(), old);
      if (old.name() != null) byName.remove(old.name(), old);
    }
    return old;
  }

  T get(String ref, IdScheme scheme) {
    if (ref == null) return null;
    return switch (scheme == null ? IdScheme.UID : scheme) {
      case UID -> byId.get(ref);
      case CODE -> byCode.get(ref);
      case NAME -> byName.get(ref);
    };
  }

  T byId(String id) {
    return id == null ? null : byId.get(id);
  }

  synchronized List<T> all() {
    List<T> out = new ArrayList<>(order.size());
    for (String id : order) {
      T t = byId.get(id);
      if (t != null) out.add(t);
    }
    return out;
  }

  int size() {
    return byId.size();
  }
}
