package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /api/metadata}, {@code /api/organisationUnits} and {@code /api/users}. */
final class MetadataEndpoints {
  private final Dhis2Sandbox sandbox;

  MetadataEndpoints(Dhis2Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  Reply importMetadata(Request r) {
    Map<String, Integer> counts = new MetadataLoader(sandbox.metadata()).load(r.json());
    return Reply.json(200, MetadataLoader.importReport(counts));
  }

  Reply orgUnits(Request r) {
    List<ObjectNode> all = new ArrayList<>();
    for (OrgUnit ou : sandbox.metadata().orgUnits()) all.add(orgUnitJson(ou));
    return ObjectListQuery.run(r, "organisationUnits", all, "id,displayName", "name:asc");
  }

  Reply orgUnit(Request r, String id) {
    OrgUnit ou = sandbox.metadata().orgUnit(id, IdScheme.UID);
    if (ou == null) return Reply.error(404, "OrganisationUnit with id " + id + " could not be found.");
    return Reply.json(200, FieldFilter.parse(r.query.first("fields"), "*").apply(orgUnitJson(ou)));
  }

  Reply users(Request r) {
    List<ObjectNode> all = new ArrayList<>();
    for (SandboxUser u : sandbox.metadata().users()) all.add(SystemEndpoints.userJson(sandbox.metadata(), u));
    return ObjectListQuery.run(r, "users", all, "id,displayName", "username:asc");
  }

  Reply user(Request r, String id) {
    SandboxUser u = sandbox.metadata().userById(id);
    if (u == null) return Reply.error(404, "User with id " + id + " could not be found.");
    return Reply.json(200, FieldFilter.parse(r.query.first("fields"), "*").apply(SystemEndpoints.userJson(sandbox.metadata(), u)));
  }

  static ObjectNode orgUnitJson(OrgUnit ou) {
    ObjectNode n = Json.object();
    n.put("id", ou.id());
    if (ou.code() != null) n.put("code", ou.code());
    n.put("name", ou.name());
    n.put("shortName", ou.shortName());
    n.put("displayName", ou.name());
    n.put("level", ou.level());
    n.put("path", ou.path());
    if (ou.parent() != null) n.putObject("parent").put("id", ou.parent());
    n.put("openingDate", date(ou.openingDate()));
    if (ou.closedDate() != null) n.put("closedDate", date(ou.closedDate()));
    n.put("created", Json.timestamp(ou.created()));
    n.put("lastUpdated", Json.timestamp(ou.lastUpdated()));
    return n;
  }

  private static String date(LocalDate d) {
    return d == null ? null : d + "T00:00:00.000";
  }
}
