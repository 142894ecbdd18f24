package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code /api/dataValueSets} (import, async import, read-back) and the data value import tasks. */
final class DataValueSetEndpoints {
  private final Dhis2Sandbox sandbox;
  private final DataValueImporter importer;

  DataValueSetEndpoints(Dhis2Sandbox sandbox) {
    this.sandbox = sandbox;
    this.importer = new DataValueImporter(sandbox.metadata(), sandbox.dataValues(), sandbox.clock());
  }

  Reply post(Request r) {
    ImportOptions options = ImportOptions.from(r.query);
    DataValueSetPayload payload;
    try {
      payload = DataValueSetPayload.read(r.bodyStream());
    } catch (IOException e) {
      return Reply.error(400, "Failed to parse data value set: " + e.getMessage());
    }
    if (options.async) {
      SandboxUser user = r.user;
      Jobs.Job job = sandbox.jobs().submit("DATAVALUE_IMPORT", "Data value set import",
          () -> importer.importSet(payload, options, user).toJson(options),
          s -> "Import complete with status " + s.path("status").asText() + ", "
              + s.path("importCount").path("imported").asInt() + " created, "
              + s.path("importCount").path("updated").asInt() + " updated, "
              + s.path("importCount").path("deleted").asInt() + " deleted, "
              + s.path("importCount").path("ignored").asInt() + " ignored");
      return Reply.json(200, jobAnswer(job, options));
    }
    ImportSummary summary = importer.importSet(payload, options, r.user);
    return Reply.json(summary.httpStatus(), summary.toWebMessage(options));
  }

  private ObjectNode jobAnswer(Jobs.Job job, ImportOptions options) {
    String name = "DATAVALUE_IMPORT (" + sandbox.clock().millis() + ")";
    ObjectNode msg = Json.webMessage(200, "OK", "Initiated " + name);
    ObjectNode resp = msg.putObject("response");
    resp.put("name", name);
    resp.put("id", job.id);
    resp.put("created", Json.timestamp(sandbox.clock().instant()));
    resp.put("jobType", "DATAVALUE_IMPORT");
    resp.put("jobStatus", "SCHEDULED");
    resp.set("jobParameters", options.toJson());
    resp.put("relativeNotifierEndpoint", "/api/system/tasks/DATAVALUE_IMPORT/" + job.id);
    resp.put("responseType", "JobConfigurationWebMessageResponse");
    return msg;
  }

  /** {@code GET /api/system/tasks/{type}/{id}}: the job's notifications, newest first. */
  Reply tasks(String id) {
    Jobs.Job job = sandbox.jobs().get(id);
    return Reply.json(200, job == null ? Json.array() : job.notificationsJson());
  }

  /** {@code GET /api/system/taskSummaries/{type}/{id}}: the import summary once done. */
  Reply taskSummary(String id) {
    Jobs.Job job = sandbox.jobs().get(id);
    if (job == null || job.summary == null) return Reply.empty(200);
    return Reply.json(200, job.summary);
  }

  Reply get(Request r) {
    MetadataStore md = sandbox.metadata();
    QueryParams q = r.query;
    IdScheme in = IdScheme.firstNonNull(IdScheme.parse(q.first("inputIdScheme")), IdScheme.UID);
    List<Meta.DataSet> sets = new ArrayList<>();
    for (String ref : q.allSplit("dataSet")) {
      Meta.DataSet ds = md.dataSet(ref, scheme(q, "inputDataSetIdScheme", in));
      if (ds != null) sets.add(ds);
    }
    Set<String> elements = new HashSet<>();
    for (Meta.DataSet ds : sets) elements.addAll(ds.dataElements());
    for (String ref : q.allSplit("dataElement")) {
      Meta.DataElement de = md.dataElement(ref, scheme(q, "inputDataElementIdScheme", in));
      if (de != null) elements.add(de.id());
    }
    Set<String> periods = new HashSet<>();
    for (String p : q.allSplit("period")) {
      IsoPeriod ip = IsoPeriod.parse(p);
      if (ip != null) periods.add(ip.iso());
    }
    LocalDate start = date(q.first("startDate"));
    LocalDate end = date(q.first("endDate"));
    List<OrgUnit> units = new ArrayList<>();
    for (String ref : q.allSplit("orgUnit")) {
      OrgUnit ou = md.orgUnit(ref, scheme(q, "inputOrgUnitIdScheme", in));
      if (ou != null) units.add(ou);
    }
    boolean children = q.bool("children", false);
    String error = null;
    String message = null;
    if (elements.isEmpty() && sets.isEmpty()) { error = "E2001"; message = "At least one data element, data set or data element group must be specified"; }
    if (periods.isEmpty() && (start == null || end == null) && q.first("lastUpdated") == null) {
      error = "E2002"; message = "At least one period, start/end dates, last updated or last updated duration must be specified";
    }
    if (!periods.isEmpty() && start != null && end != null) { error = "E2003"; message = "Both periods and start/end date cannot be specified"; }
    if (units.isEmpty()) { error = "E2006"; message = "At least one organisation unit or organisation unit group must be specified"; }
    if (children && units.isEmpty()) { error = "E2008"; message = "At least one organisation unit must be specified when children are included"; }
    if (error != null) {
      ObjectNode msg = Json.webMessage(409, "ERROR", message);
      msg.put("errorCode", error);
      return new Reply(409, "application/json", Json.bytes(msg), new java.util.LinkedHashMap<>());
    }
    return Reply.json(200, export(q, sets, elements, periods, start, end, units, children));
  }

  private ObjectNode export(QueryParams q, List<Meta.DataSet> sets, Set<String> elements, Set<String> periods,
      LocalDate start, LocalDate end, List<OrgUnit> units, boolean children) {
    MetadataStore md = sandbox.metadata();
    IdScheme out = IdScheme.firstNonNull(IdScheme.parse(q.first("idScheme")), IdScheme.UID);
    IdScheme deOut = scheme(q, "dataElementIdScheme", out);
    IdScheme ouOut = scheme(q, "orgUnitIdScheme", out);
    IdScheme cocOut = scheme(q, "categoryOptionComboIdScheme", out);
    IdScheme dsOut = scheme(q, "dataSetIdScheme", out);
    Set<String> unitIds = new HashSet<>();
    units.forEach(u -> unitIds.add(u.id()));
    List<DataValue> values = sandbox.dataValues().matching(v -> elements.contains(v.dataElement())
        && periodMatches(v.period(), periods, start, end) && orgUnitMatches(v.orgUnit(), unitIds, units, children));
    ObjectNode n = Json.object();
    if (sets.size() == 1) n.put("dataSet", sets.get(0).ref(dsOut));
    n.putNull("completeDate");
    if (periods.size() == 1) n.put("period", periods.iterator().next());
    if (units.size() == 1) n.put("orgUnit", units.get(0).ref(ouOut));
    ArrayNode arr = n.putArray("dataValues");
    for (DataValue v : values) {
      ObjectNode o = arr.addObject();
      Meta.DataElement de = md.dataElement(v.dataElement(), IdScheme.UID);
      OrgUnit ou = md.orgUnit(v.orgUnit(), IdScheme.UID);
      o.put("dataElement", de == null ? v.dataElement() : de.ref(deOut));
      o.put("period", v.period());
      o.put("orgUnit", ou == null ? v.orgUnit() : ou.ref(ouOut));
      o.put("categoryOptionCombo", ref(md, v.categoryOptionCombo(), cocOut));
      o.put("attributeOptionCombo", ref(md, v.attributeOptionCombo(), cocOut));
      o.put("value", v.value());
      o.put("storedBy", v.storedBy());
      o.put("created", Json.dataValueTimestamp(v.created()));
      o.put("lastUpdated", Json.dataValueTimestamp(v.lastUpdated()));
      o.put("comment", v.comment());
      o.put("followup", v.followup());
    }
    return n;
  }

  private static String ref(MetadataStore md, String cocId, IdScheme scheme) {
    Meta.OptionCombo c = md.optionCombo(cocId, IdScheme.UID);
    return c == null ? cocId : c.ref(scheme);
  }

  private static boolean periodMatches(String iso, Set<String> periods, LocalDate start, LocalDate end) {
    if (!periods.isEmpty()) return periods.contains(iso);
    if (start == null || end == null) return true;
    IsoPeriod p = IsoPeriod.parse(iso);
    return p != null && !p.start().isBefore(start) && !p.end().isAfter(end);
  }

  private boolean orgUnitMatches(String ouId, Set<String> ids, List<OrgUnit> units, boolean children) {
    if (ids.contains(ouId)) return true;
    if (!children) return false;
    OrgUnit ou = sandbox.metadata().orgUnit(ouId, IdScheme.UID);
    return ou != null && units.stream().anyMatch(u -> ou.isWithin(u.id()));
  }

  private static IdScheme scheme(QueryParams q, String name, IdScheme dflt) {
    IdScheme s = IdScheme.parse(q.first(name));
    return s != null ? s : dflt;
  }

  private static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s.substring(0, Math.min(10, s.length())));
  }
}
