package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DHIS2's {@code fields} parameter: {@code id,name,parent[id],dataValues[dataElement,value]},
 * {@code *} or {@code :all} for everything. Objects keep their own field order. A plain field
 * that holds references (objects with an {@code id}) is cut to {@code {id}}, as DHIS2 does.
 */
final class FieldFilter {
  private final boolean all;
  private final Map<String, FieldFilter> fields = new LinkedHashMap<>();

  private FieldFilter(boolean all) {
    this.all = all;
  }

  static FieldFilter parse(String spec, String dflt) {
    return parse(spec == null || spec.isBlank() ? dflt : spec);
  }

  static FieldFilter parse(String spec) {
    FieldFilter f = new FieldFilter(false);
    int i = 0;
    StringBuilder name = new StringBuilder();
    boolean all = false;
    while (i < spec.length()) {
      char c = spec.charAt(i);
      if (c == ',') {
        all |= f.add(name.toString(), null);
        name.setLength(0);
        i++;
      } else if (c == '[') {
        int depth = 1;
        int j = i + 1;
        while (j < spec.length() && depth > 0) {
          if (spec.charAt(j) == '[') depth++;
          if (spec.charAt(j) == ']') depth--;
          j++;
        }
        all |= f.add(name.toString(), parse(spec.substring(i + 1, j - 1)));
        name.setLength(0);
        i = j;
        if (i < spec.length() && spec.charAt(i) == ',') i++;
      } else {
        name.append(c);
        i++;
      }
    }
    all |= f.add(name.toString(), null);
    if (!all) return f;
    FieldFilter star = new FieldFilter(true);
    star.fields.putAll(f.fields);
    return star;
  }

  /** Adds a field; answers true when it means "all fields". */
  private boolean add(String name, FieldFilter nested) {
    String n = name.trim();
    if (n.isEmpty()) return false;
    if (n.equals("*") || n.equals(":all") || n.equals(":owner")) return true;
    if (n.startsWith("!")) return false;
    fields.put(n, nested);
    return false;
  }

  JsonNode apply(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(e -> out.add(apply(e)));
      return out;
    }
    if (!node.isObject()) return node;
    ObjectNode out = Json.object();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (fields.containsKey(k)) {
        FieldFilter nested = fields.get(k);
        out.set(k, nested != null ? nested.apply(e.getValue()) : all ? e.getValue() : references(e.getValue()));
      } else if (all) {
        out.set(k, e.getValue());
      }
    }
    return out;
  }

  private static JsonNode references(JsonNode v) {
    if (v.isObject() && v.has("id")) return Json.object().put("id", v.get("id").asText());
    if (v.isArray() && v.size() > 0 && v.get(0).isObject() && v.get(0).has("id")) {
      ArrayNode out = Json.array();
      v.forEach(e -> out.add(references(e)));
      return out;
    }
    return v;
  }
}
