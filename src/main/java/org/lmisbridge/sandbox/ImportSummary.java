package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import summary of {@code POST /api/dataValueSets}: counts, conflicts (merged when the
 * error code and the objects are the same, their indexes collected) and rejected indexes.
 */
final class ImportSummary {
  /** One conflict; {@code objects} keeps DHIS2's key order. */
  static final class Conflict {
    final String errorCode;
    final Map<String, String> objects;
    final String message;
    final String property;
    final List<Integer> indexes = new ArrayList<>();

    Conflict(String errorCode, Map<String, String> objects, String message, String property) {
      this.errorCode = errorCode;
      this.objects = objects;
      this.message = message;
      this.property = property;
    }
  }

  int imported;
  int updated;
  int ignored;
  int deleted;
  private final Map<String, Conflict> conflicts = new LinkedHashMap<>();
  private final List<Integer> rejectedIndexes = new ArrayList<>();
  private int conflictOccurrences;
  private boolean error;
  private String description;
  private String dataSetComplete = "false";

  /** Adds a conflict; index -1 means the whole data value set. */
  void conflict(int index, String errorCode, Map<String, String> objects, String message, String property) {
    conflictOccurrences++;
    String key = errorCode + ":" + String.join(":", objects.values());
    Conflict c = conflicts.computeIfAbsent(key, k -> new Conflict(errorCode, objects, message, property));
    if (index >= 0) c.indexes.add(index);
  }

  int conflictOccurrences() {
    return conflictOccurrences;
  }

  void rejected(int index) {
    rejectedIndexes.add(index);
  }

  void abort() {
    error = true;
    description = "Import process was aborted";
    dataSetComplete = null;
  }

  boolean isError() {
    return error;
  }

  boolean hasConflicts() {
    return !conflicts.isEmpty();
  }

  String status() {
    return error ? "ERROR" : conflicts.isEmpty() ? "SUCCESS" : "WARNING";
  }

  int httpStatus() {
    return error || !conflicts.isEmpty() ? 409 : 200;
  }

  List<Conflict> conflicts() {
    return new ArrayList<>(conflicts.values());
  }

  List<Integer> rejectedIndexes() {
    return rejectedIndexes;
  }

  /** The {@code response} part: the ImportSummary object. */
  ObjectNode toJson(ImportOptions options) {
    ObjectNode n = Json.object();
    n.put("status", status());
    n.set("importOptions", options.toJson());
    n.put("description", description != null ? description : "Import process completed successfully");
    n.putObject("importCount").put("imported", imported).put("updated", updated).put("ignored", ignored)
        .put("deleted", deleted);
    ArrayNode cs = n.putArray("conflicts");
    for (Conflict c : conflicts.values()) {
      ObjectNode cj = cs.addObject();
      if (!c.objects.isEmpty()) cj.put("object", c.objects.values().iterator().next());
      ObjectNode objects = cj.putObject("objects");
      c.objects.forEach(objects::put);
      cj.put("value", c.message);
      cj.put("errorCode", c.errorCode);
      if (c.property != null) cj.put("property", c.property);
      if (!c.indexes.isEmpty()) {
        ArrayNode idx = cj.putArray("indexes");
        c.indexes.forEach(idx::add);
      }
    }
    ArrayNode rejected = n.putArray("rejectedIndexes");
    rejectedIndexes.forEach(rejected::add);
    if (dataSetComplete != null) n.put("dataSetComplete", dataSetComplete);
    n.put("responseType", "ImportSummary");
    return n;
  }

  /** The whole web message around the summary, as {@code POST /api/dataValueSets} answers it. */
  ObjectNode toWebMessage(ImportOptions options) {
    ObjectNode msg;
    if (error) {
      msg = Json.webMessage(409, "ERROR", "An error occurred, please check import summary.");
    } else if (hasConflicts()) {
      msg = Json.webMessage(409, "WARNING", "One more conflicts encountered, please check import summary.");
    } else {
      msg = Json.webMessage(200, "OK", "Import was successful.");
    }
    msg.set("response", toJson(options));
    return msg;
  }
}
