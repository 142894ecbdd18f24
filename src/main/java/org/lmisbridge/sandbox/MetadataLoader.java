package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a DHIS2 metadata export (the JSON of {@code /api/metadata}) into a {@link MetadataStore}. */
final class MetadataLoader {
  /** What {@code admin} holds on the recorded server. */
  static final List<String> ADMIN_AUTHORITIES = List.of("F_ENROLLMENT_CASCADE_DELETE",
      "F_PREVIOUS_IMPERSONATOR_AUTHORITY", "F_JOB_LOG_READ", "F_MOBILE_SENDSMS", "F_TEI_CASCADE_DELETE",
      "F_VIEW_UNAPPROVED_DATA", "F_INSERT_CUSTOM_JS_CSS", "F_LEGEND_SET_DELETE", "F_ACCEPT_DATA_LOWER_LEVELS",
      "F_REPLICATE_USER", "F_ORGANISATION_UNIT_SPLIT", "F_METADATA_EXPORT", "F_APPROVE_DATA_LOWER_LEVELS",
      "F_ORGANISATIONUNIT_MOVE", "F_METADATA_IMPORT", "F_PERFORM_MAINTENANCE", "F_CATEGORY_OPTION_MERGE",
      "F_PERFORM_ANALYTICS_EXPLAIN", "F_LEGEND_SET_PUBLIC_ADD", "F_PREDICTOR_RUN", "F_DATAVALUE_ADD",
      "F_SKIP_DATA_IMPORT_AUDIT", "F_IMPERSONATE_USER", "F_GENERATE_MIN_MAX_VALUES", "F_CAPTURE_DATASTORE_UPDATE",
      "F_EDIT_EXPIRED", "F_TRACKED_ENTITY_MERGE", "F_UNCOMPLETE_EVENT", "F_LEGEND_SET_PRIVATE_ADD", "F_USER_VIEW",
      "F_MOBILE_SETTINGS", "F_SYSTEM_SETTING", "F_ORG_UNIT_PROFILE_ADD", "F_LOCALE_ADD", "F_SEND_EMAIL",
      "F_RUN_VALIDATION", "F_VIEW_EVENT_ANALYTICS", "F_DATA_ELEMENT_MERGE", "F_METADATA_MANAGE",
      "F_CATEGORY_OPTION_COMBO_MERGE", "F_APPROVE_DATA", "F_INDICATOR_MERGE", "F_INDICATOR_TYPE_MERGE",
      "F_LOCALE_DELETE", "F_MINMAX_DATAELEMENT_ADD", "ALL", "F_USER_GROUPS_READ_ONLY_ADD_MEMBERS",
      "F_VIEW_SERVER_INFO", "F_TRACKED_ENTITY_INSTANCE_SEARCH_IN_ALL_ORGUNITS", "F_ORGANISATION_UNIT_MERGE",
      "F_EXPORT_DATA", "M_dhis-web-app-management");

  private final MetadataStore store;
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  MetadataLoader(MetadataStore store) {
    this.store = store;
  }

  /** Loads everything it knows from the export; answers how many objects of each type it read. */
  synchronized Map<String, Integer> load(JsonNode root) {
    for (JsonNode n : list(root, "categoryOptions")) {
      store.categoryOptions.put(new Meta.CategoryOption(id(n), Json.text(n, "code"), Json.text(n, "name")));
      count("categoryOptions");
    }
    for (JsonNode n : list(root, "categories")) {
      store.categories.put(new Meta.Category(id(n), Json.text(n, "code"), Json.text(n, "name"), ids(n, "categoryOptions")));
      count("categories");
    }
    for (JsonNode n : list(root, "categoryCombos")) {
      store.categoryCombos.put(new Meta.CategoryCombo(id(n), Json.text(n, "code"), Json.text(n, "name"), ids(n, "categories")));
      count("categoryCombos");
    }
    for (JsonNode n : list(root, "categoryOptionCombos")) {
      String cc = Json.text(n, "categoryCombo");
      store.optionCombos.put(new Meta.OptionCombo(id(n), Json.text(n, "code"), Json.text(n, "name"),
          cc == null ? MetadataStore.DEFAULT_CATEGORY_COMBO : cc, new LinkedHashSet<>(ids(n, "categoryOptions"))));
      count("categoryOptionCombos");
    }
    for (JsonNode n : list(root, "dataElements")) {
      store.dataElements.put(new Meta.DataElement(id(n), Json.text(n, "code"), Json.text(n, "name"),
          or(Json.text(n, "valueType"), "TEXT"), or(Json.text(n, "categoryCombo"), MetadataStore.DEFAULT_CATEGORY_COMBO),
          n.path("zeroIsSignificant").asBoolean(false), or(Json.text(n, "aggregationType"), "SUM"),
          or(Json.text(n, "domainType"), "AGGREGATE")));
      count("dataElements");
    }
    for (JsonNode n : list(root, "organisationUnits")) {
      loadOrgUnit(n);
      count("organisationUnits");
    }
    for (JsonNode n : list(root, "dataSets")) {
      Set<String> des = new LinkedHashSet<>();
      for (JsonNode dse : n.path("dataSetElements")) {
        String de = Json.text(dse, "dataElement");
        if (de != null) des.add(de);
      }
      des.addAll(ids(n, "dataElements"));
      store.dataSets.put(new Meta.DataSet(id(n), Json.text(n, "code"), Json.text(n, "name"),
          or(Json.text(n, "periodType"), "Monthly"), n.path("openFuturePeriods").asInt(0),
          or(Json.text(n, "categoryCombo"), MetadataStore.DEFAULT_CATEGORY_COMBO), des,
          new LinkedHashSet<>(ids(n, "organisationUnits"))));
      count("dataSets");
    }
    for (JsonNode n : list(root, "trackedEntityTypes")) {
      store.trackedEntityTypes.put(new Meta.TrackedEntityType(id(n), Json.text(n, "code"), Json.text(n, "name")));
      count("trackedEntityTypes");
    }
    for (JsonNode n : list(root, "trackedEntityAttributes")) {
      store.trackedEntityAttributes.put(new Meta.TrackedEntityAttribute(id(n), Json.text(n, "code"),
          Json.text(n, "name"), or(Json.text(n, "valueType"), "TEXT"), n.path("unique").asBoolean(false)));
      count("trackedEntityAttributes");
    }
    for (JsonNode n : list(root, "programStages")) {
      loadStage(n, null);
    }
    for (JsonNode n : list(root, "programs")) {
      List<String> stages = new ArrayList<>();
      for (JsonNode s : n.path("programStages")) {
        if (s.has("programStageDataElements")) loadStage(s, id(n));
        stages.add(id(s));
      }
      List<String> attributes = new ArrayList<>();
      for (JsonNode a : n.path("programTrackedEntityAttributes")) {
        String tea = Json.text(a, "trackedEntityAttribute");
        if (tea != null) attributes.add(tea);
      }
      store.programs.put(new Meta.Program(id(n), Json.text(n, "code"), Json.text(n, "name"),
          or(Json.text(n, "programType"), "WITHOUT_REGISTRATION"), Json.text(n, "trackedEntityType"),
          new LinkedHashSet<>(ids(n, "organisationUnits")), stages, attributes));
      count("programs");
    }
    for (JsonNode n : list(root, "users")) {
      loadUser(n);
      count("users");
    }
    store.refresh();
    return counts;
  }

  private void loadStage(JsonNode n, String program) {
    Set<String> des = new LinkedHashSet<>();
    for (JsonNode psde : n.path("programStageDataElements")) {
      String de = Json.text(psde, "dataElement");
      if (de != null) des.add(de);
    }
    store.programStages.put(new Meta.ProgramStage(id(n), Json.text(n, "code"), Json.text(n, "name"),
        or(Json.text(n, "program"), program), n.path("repeatable").asBoolean(false), des));
    count("programStages");
  }

  private void loadOrgUnit(JsonNode n) {
    String id = id(n);
    LocalDate opening = date(Json.text(n, "openingDate"));
    LocalDate closed = date(Json.text(n, "closedDate"));
    String name = Json.text(n, "name");
    OrgUnit existing = store.orgUnits.byId(id);
    if (existing != null) {
      String oldCode = existing.code();
      String oldName = existing.name();
      existing.update(Json.text(n, "code"), name, or(Json.text(n, "shortName"), name), Json.text(n, "parent"),
          opening, closed, store.now());
      store.orgUnits.reindex(existing, oldCode, oldName);
    } else {
      store.orgUnits.put(new OrgUnit(id, Json.text(n, "code"), name, or(Json.text(n, "shortName"), name),
          Json.text(n, "parent"), opening == null ? LocalDate.of(2000, 1, 1) : opening, closed, store.now()));
    }
  }

  private void loadUser(JsonNode n) {
    JsonNode creds = n.path("userCredentials");
    String username = or(Json.text(n, "username"), Json.text(creds, "username"));
    if (username == null) return;
    boolean disabled = n.path("disabled").asBoolean(creds.path("disabled").asBoolean(false));
    List<String> ous = ids(n, "organisationUnits");
    List<String> view = n.has("dataViewOrganisationUnits") ? ids(n, "dataViewOrganisationUnits") : ous;
    List<String> authorities = new ArrayList<>();
    for (JsonNode a : n.path("authorities")) authorities.add(a.asText());
    SandboxUser old = store.user(username);
    String password = or(Json.text(n, "password"), old == null ? null : old.password());
    store.putUser(new SandboxUser(or(Json.text(n, "id"), Uids.fromSeed("user:" + username)), username, password,
        Json.text(n, "firstName"), Json.text(n, "surname"), Json.text(n, "email"), Json.text(n, "phoneNumber"),
        disabled, ous, view, authorities.isEmpty() ? ADMIN_AUTHORITIES : authorities, store.now()));
  }

  /** An import report shaped like the answer of {@code POST /api/metadata}. */
  static ObjectNode importReport(Map<String, Integer> counts) {
    ObjectNode report = Json.webMessage(200, "OK", null);
    ObjectNode response = report.putObject("response");
    response.put("status", "OK");
    ArrayNode typeReports = Json.array();
    int total = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      ObjectNode tr = typeReports.addObject();
      tr.put("klass", e.getKey());
      ObjectNode stats = tr.putObject("stats");
      stats.put("created", 0).put("updated", e.getValue()).put("deleted", 0).put("ignored", 0).put("total", e.getValue());
      total += e.getValue();
    }
    response.putObject("stats").put("created", 0).put("updated", total).put("deleted", 0).put("ignored", 0)
        .put("total", total);
    response.set("typeReports", typeReports);
    response.put("responseType", "ImportReport");
    return report;
  }

  private void count(String type) {
    counts.merge(type, 1, Integer::sum);
  }

  private static Iterable<JsonNode> list(JsonNode root, String field) {
    JsonNode n = root.path(field);
    return n.isArray() ? n : List.of();
  }

  private static String id(JsonNode n) {
    String id = Json.text(n, "id");
    if (id == null) throw new IllegalArgumentException("Metadata object without id: " + n);
    return id;
  }

  private static List<String> ids(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : n.path(field)) {
      String id = e.isTextual() ? e.asText() : Json.text(e, "id");
      if (id != null) out.add(id);
    }
    return out;
  }

  private static LocalDate date(String s) {
    if (s == null) return null;
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  private static String or(String a, String b) {
    return a != null ? a : b;
  }
}
