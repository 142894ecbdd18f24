package org.lmisbridge.sandbox;

import java.util.List;

/** A page of a list: {@code page} from 1, {@code pageSize}, or everything when paging is off. */
record Paging(boolean enabled, int page, int pageSize) {
  static Paging from(QueryParams q) {
    boolean enabled = q.bool("paging", true) && !q.bool("skipPaging", false);
    return new Paging(enabled, Math.max(1, q.integer("page", 1)), Math.max(1, q.integer("pageSize", 50)));
  }

  <T> List<T> slice(List<T> all) {
    if (!enabled) return all;
    int from = Math.min(all.size(), (page - 1) * pageSize);
    return all.subList(from, Math.min(all.size(), from + pageSize));
  }

  int pageCount(int total) {
    return (int) Math.ceil(total / (double) pageSize);
  }

  /** The request URL with {@code page} replaced, put last (as DHIS2 builds its links). */
  static String link(Request r, int page) {
    StringBuilder q = new StringBuilder();
    for (String pair : r.query.raw().split("&")) {
      if (pair.isEmpty() || pair.startsWith("page=")) continue;
      if (q.length() > 0) q.append('&');
      q.append(pair);
    }
    if (q.length() > 0) q.append('&');
    q.append("page=").append(page);
    return r.baseUrl + r.path + "?" + q;
  }
}
