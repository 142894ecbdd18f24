package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The metadata list API ({@code /api/organisationUnits}, {@code /api/users}): {@code filter}
 * ({@code prop:op:value}, dotted paths), {@code order}, {@code paging/page/pageSize} and
 * {@code fields}, answered as {@code {pager:{page,pageCount,total,pageSize,nextPage,prevPage}, key:[...]}}.
 */
final class ObjectListQuery {
  private ObjectListQuery() {}

  static Reply run(Request r, String key, List<ObjectNode> objects, String defaultFields, String defaultOrder) {
    QueryParams q = r.query;
    boolean or = "OR".equalsIgnoreCase(q.first("rootJunction"));
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode o : objects) {
      boolean ok = !or || q.all("filter").isEmpty();
      for (String f : q.all("filter")) {
        boolean m = matches(o, f);
        ok = or ? ok || m : (ok = m);
        if (!or && !m) break;
      }
      if (ok) matches.add(o);
    }
    String order = q.first("order") == null ? defaultOrder : q.first("order");
    if (order != null) matches.sort(comparator(order));
    Paging paging = Paging.from(q);
    FieldFilter fields = FieldFilter.parse(q.first("fields"), defaultFields);
    ObjectNode out = Json.object();
    if (paging.enabled()) {
      int total = matches.size();
      ObjectNode pager = out.putObject("pager");
      pager.put("page", paging.page()).put("total", total).put("pageSize", paging.pageSize())
          .put("pageCount", paging.pageCount(total));
      if (paging.page() < paging.pageCount(total)) pager.put("nextPage", Paging.link(r, paging.page() + 1));
      if (paging.page() > 1) pager.put("prevPage", Paging.link(r, paging.page() - 1));
    }
    ArrayNode items = out.putArray(key);
    for (ObjectNode o : paging.slice(matches)) items.add(fields.apply(o));
    return Reply.json(200, out);
  }

  static boolean matches(JsonNode o, String filter) {
    String[] p = filter.split(":", 3);
    if (p.length < 2) throw new IllegalArgumentException("Unable to parse filter `" + filter + "`");
    JsonNode v = path(o, p[0]);
    String op = p[1];
    String arg = p.length > 2 ? p[2] : null;
    boolean missing = v == null || v.isNull() || v.isMissingNode();
    String s = missing ? null : v.asText();
    return switch (op) {
      case "null" -> missing;
      case "!null" -> !missing;
      case "eq" -> !missing && s.equals(arg);
      case "ieq" -> !missing && s.equalsIgnoreCase(arg);
      case "!eq", "ne", "neq" -> missing || !s.equals(arg);
      case "like", "ilike" -> !missing && s.toLowerCase().contains(arg.toLowerCase());
      case "!like", "!ilike" -> missing || !s.toLowerCase().contains(arg.toLowerCase());
      case "$like", "$ilike" -> !missing && s.toLowerCase().startsWith(arg.toLowerCase());
      case "like$", "ilike$" -> !missing && s.toLowerCase().endsWith(arg.toLowerCase());
      case "in" -> !missing && list(arg).contains(s);
      case "!in" -> missing || !list(arg).contains(s);
      case "gt" -> !missing && compare(v, arg) > 0;
      case "ge" -> !missing && compare(v, arg) >= 0;
      case "lt" -> !missing && compare(v, arg) < 0;
      case "le" -> !missing && compare(v, arg) <= 0;
      case "token" -> !missing && s.toLowerCase().contains(arg.toLowerCase());
      default -> throw new IllegalArgumentException("Operator not supported: `" + op + "`");
    };
  }

  private static List<String> list(String arg) {
    String a = arg.trim();
    if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
    return Arrays.stream(a.split(",")).map(String::trim).toList();
  }

  private static int compare(JsonNode v, String arg) {
    if (v.isNumber()) return Double.compare(v.asDouble(), Double.parseDouble(arg));
    return v.asText().compareTo(arg);
  }

  private static JsonNode path(JsonNode o, String dotted) {
    JsonNode cur = o;
    for (String part : dotted.split("\\.")) {
      if (cur == null) return null;
      cur = cur.get(part);
    }
    return cur;
  }

  private static Comparator<ObjectNode> comparator(String spec) {
    Comparator<ObjectNode> c = null;
    for (String part : spec.split(",")) {
      String[] p = part.trim().split(":");
      String prop = p[0];
      Comparator<ObjectNode> one = (a, b) -> {
        JsonNode x = path(a, prop);
        JsonNode y = path(b, prop);
        if (x == null || x.isNull()) return y == null || y.isNull() ? 0 : -1;
        if (y == null || y.isNull()) return 1;
        if (x.isNumber() && y.isNumber()) return Double.compare(x.asDouble(), y.asDouble());
        return p.length > 1 && p[1].startsWith("i") ? x.asText().compareToIgnoreCase(y.asText()) : x.asText().compareTo(y.asText());
      };
      if (p.length > 1 && p[1].toLowerCase().endsWith("desc")) one = one.reversed();
      c = c == null ? one : c.thenComparing(one);
    }
    return c;
  }
}
