package org.lmisbridge.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request's query string, decoded, with repeated parameters kept. */
final class QueryParams {
  private final Map<String, List<String>> params = new LinkedHashMap<>();
  private final String raw;

  QueryParams(String rawQuery) {
    this.raw = rawQuery == null ? "" : rawQuery;
    if (rawQuery == null || rawQuery.isEmpty()) return;
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  String raw() {
    return raw;
  }

  String first(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  List<String> all(String name) {
    return params.getOrDefault(name, List.of());
  }

  /** All values of a parameter, also split at commas (DHIS2 accepts both forms). */
  List<String> allSplit(String name) {
    List<String> out = new ArrayList<>();
    for (String v : all(name)) for (String p : v.split(",")) if (!p.isBlank()) out.add(p.trim());
    return out;
  }

  boolean has(String name) {
    return params.containsKey(name);
  }

  boolean bool(String name, boolean dflt) {
    String v = first(name);
    if (v == null) return dflt;
    return v.isEmpty() || Boolean.parseBoolean(v.trim());
  }

  int integer(String name, int dflt) {
    String v = first(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
