package org.lmisbridge.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A data value set body, read with the streaming parser into small flat records (no tree), so a
 * batch costs little more than its strings.
 */
final class DataValueSetPayload {
  /** One entry of {@code dataValues}. */
  static final class Entry {
    String dataElement;
    String period;
    String orgUnit;
    String categoryOptionCombo;
    String attributeOptionCombo;
    String value;
    String comment;
    String storedBy;
    boolean followup;
    boolean deleted;
  }

  final Map<String, String> header = new HashMap<>();
  final List<Entry> values = new ArrayList<>();

  String header(String name) {
    String v = header.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static DataValueSetPayload read(InputStream in) throws IOException {
    DataValueSetPayload p = new DataValueSetPayload();
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
      JsonToken t = parser.nextToken();
      if (t == null) return p;
      if (t != JsonToken.START_OBJECT) throw new IOException("A data value set must be a JSON object");
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        t = parser.nextToken();
        if (field.equals("dataValues") && t == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) p.values.add(entry(parser));
        } else if (t.isScalarValue()) {
          p.header.put(field, t == JsonToken.VALUE_NULL ? null : parser.getText());
        } else {
          parser.skipChildren();
        }
      }
    }
    return p;
  }

  private static Entry entry(JsonParser parser) throws IOException {
    Entry e = new Entry();
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      t = parser.nextToken();
      if (!t.isScalarValue()) {
        parser.skipChildren();
        continue;
      }
      String v = t == JsonToken.VALUE_NULL ? null : parser.getText();
      switch (field) {
        case "dataElement" -> e.dataElement = v;
        case "period" -> e.period = v;
        case "orgUnit" -> e.orgUnit = v;
        case "categoryOptionCombo" -> e.categoryOptionCombo = v;
        case "attributeOptionCombo" -> e.attributeOptionCombo = v;
        case "value" -> e.value = v;
        case "comment" -> e.comment = v;
        case "storedBy" -> e.storedBy = v;
        case "followup", "followUp" -> e.followup = Boolean.parseBoolean(v);
        case "deleted" -> e.deleted = Boolean.parseBoolean(v);
        default -> { }
      }
    }
    return e;
  }
}
