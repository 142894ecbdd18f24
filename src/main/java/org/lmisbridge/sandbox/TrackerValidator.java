package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The tracker validation rules the sandbox knows, with DHIS2's error codes and messages. */
final class TrackerValidator {
  private final MetadataStore md;
  private final TrackerStore store;
  private final Map<String, JsonNode> payloadEntities;
  private final Map<String, JsonNode> payloadEnrollments;

  TrackerValidator(MetadataStore md, TrackerStore store, Map<String, JsonNode> payloadEntities,
      Map<String, JsonNode> payloadEnrollments) {
    this.md = md;
    this.store = store;
    this.payloadEntities = payloadEntities;
    this.payloadEnrollments = payloadEnrollments;
  }

  void validate(String type, String uid, JsonNode n, String strategy, boolean exists, List<ObjectNode> errors) {
    if (strategy.equals("CREATE") && exists) {
      error(errors, type, uid, type.equals("EVENT") ? "E1030" : type.equals("ENROLLMENT") ? "E1080" : "E1002",
          (type.equals("EVENT") ? "Event: `" : type.equals("ENROLLMENT") ? "Enrollment: `" : "TrackedEntity: `") + uid
              + "`, already exists.", uid);
      return;
    }
    if ((strategy.equals("UPDATE") || strategy.equals("DELETE")) && !exists) {
      error(errors, type, uid, type.equals("EVENT") ? "E1032" : type.equals("ENROLLMENT") ? "E1081" : "E1063",
          (type.equals("EVENT") ? "Event: `" + uid + "` do not exist." : type.equals("ENROLLMENT")
              ? "Enrollment: `" + uid + "`, do not exist." : "TrackedEntity: `" + uid + "`, does not exist."), uid);
      return;
    }
    if (strategy.equals("DELETE")) return;
    switch (type) {
      case "TRACKED_ENTITY" -> trackedEntity(uid, n, errors);
      case "ENROLLMENT" -> enrollment(uid, n, errors);
      default -> event(uid, n, errors);
    }
  }

  private void trackedEntity(String uid, JsonNode n, List<ObjectNode> errors) {
    String type = Json.text(n, "trackedEntityType");
    if (type == null || md.trackedEntityType(type, IdScheme.UID) == null) {
      error(errors, "TRACKED_ENTITY", uid, "E1005", "Could not find TrackedEntityType: `" + type + "`.", type);
    }
    String ou = Json.text(n, "orgUnit");
    if (ou == null || md.orgUnit(ou, IdScheme.UID) == null) {
      error(errors, "TRACKED_ENTITY", uid, "E1049", "Could not find OrganisationUnit: `" + ou + "` linked to TrackedEntity.", ou);
    }
    for (JsonNode a : n.path("attributes")) {
      String attr = Json.text(a, "attribute");
      Meta.TrackedEntityAttribute tea = md.trackedEntityAttribute(attr, IdScheme.UID);
      if (tea == null) {
        error(errors, "TRACKED_ENTITY", uid, "E1006", "Attribute: `" + attr + "` does not exist.", attr);
        continue;
      }
      String key = ValueTypes.check(ValueTypes.normalize(Json.text(a, "value"), tea.valueType()), tea.valueType());
      if (key != null) {
        error(errors, "TRACKED_ENTITY", uid, "E1085", "Attribute: `" + attr + "`, value does not match value type: `"
            + tea.valueType() + "`.", attr, tea.valueType());
      }
    }
  }

  private void enrollment(String uid, JsonNode n, List<ObjectNode> errors) {
    String program = Json.text(n, "program");
    Meta.Program p = md.program(program, IdScheme.UID);
    if (p == null) {
      error(errors, "ENROLLMENT", uid, "E1069", "Could not find Program: `" + program + "` linked to Enrollment.", program);
    }
    String te = Json.text(n, "trackedEntity");
    if (te == null || (store.trackedEntity(te) == null && !payloadEntities.containsKey(te))) {
      error(errors, "ENROLLMENT", uid, "E1068", "Could not find TrackedEntity: `" + te + "` linked to Enrollment.", te);
    }
    String ou = Json.text(n, "orgUnit");
    if (ou == null || md.orgUnit(ou, IdScheme.UID) == null) {
      error(errors, "ENROLLMENT", uid, "E1070", "Could not find OrganisationUnit: `" + ou + "` linked to Enrollment.", ou);
    } else if (p != null && !p.orgUnits().contains(ou)) {
      error(errors, "ENROLLMENT", uid, "E1041", "Enrollment OrganisationUnit: `" + ou + "` and Program: `" + program
          + "` do not match.", ou, program);
    }
  }

  private void event(String uid, JsonNode n, List<ObjectNode> errors) {
    String program = Json.text(n, "program");
    String stageRef = Json.text(n, "programStage");
    Meta.ProgramStage stage = md.programStage(stageRef, IdScheme.UID);
    if (program == null && stage != null) program = stage.program();
    Meta.Program p = md.program(program, IdScheme.UID);
    String ou = Json.text(n, "orgUnit");
    OrgUnit unit = md.orgUnit(ou, IdScheme.UID);
    if (unit == null) {
      error(errors, "EVENT", uid, "E1011", "Could not find OrganisationUnit: `" + ou + "`, linked to Event.", ou);
    }
    if (p == null) {
      error(errors, "EVENT", uid, "E1010", "Could not find Program: `" + program + "`, linked to Event.", program);
    }
    if (stage == null) {
      error(errors, "EVENT", uid, "E1013", "Could not find ProgramStage: `" + stageRef + "`, linked to Event.", stageRef);
    }
    if (!errors.isEmpty()) return;
    if (!p.stages().contains(stage.id()) && !p.id().equals(stage.program())) {
      error(errors, "EVENT", uid, "E1089", "Event: `" + uid + "`, references a Program Stage `" + stage.id()
          + "` that does not belong to Program `" + p.id() + "`.", uid, stage.id(), p.id());
    }
    if (!p.orgUnits().contains(unit.id())) {
      error(errors, "EVENT", uid, "E1029", "Event OrganisationUnit: `" + ou + "` and Program: `" + p.id() + "`, do not match.",
          ou, p.id());
    }
    String status = Json.text(n, "status") == null ? "ACTIVE" : Json.text(n, "status");
    if (!"SCHEDULE".equals(status) && !"SKIPPED".equals(status) && Json.text(n, "occurredAt") == null) {
      error(errors, "EVENT", uid, "E1031", "Event occurredAt date is missing.");
    }
    if (p.withRegistration()) {
      String en = Json.text(n, "enrollment");
      if (en == null) {
        error(errors, "EVENT", uid, "E1033", "Event: `" + uid + "` Enrollment value is null.", uid);
      } else if (store.enrollment(en) == null && !payloadEnrollments.containsKey(en)) {
        error(errors, "EVENT", uid, "E1081", "Enrollment: `" + en + "`, do not exist.", en);
      }
    }
    for (JsonNode dv : n.path("dataValues")) {
      String deRef = Json.text(dv, "dataElement");
      Meta.DataElement de = md.dataElement(deRef, IdScheme.UID);
      if (de == null) {
        error(errors, "EVENT", uid, "E1304", "DataElement `" + deRef + "` is not a valid DataElement.", deRef);
        continue;
      }
      if (!stage.dataElements().contains(de.id())) {
        error(errors, "EVENT", uid, "E1305", "DataElement `" + deRef + "` is not part of ProgramStage `" + stage.id() + "`.",
            deRef, stage.id());
        continue;
      }
      String key = ValueTypes.check(ValueTypes.normalize(Json.text(dv, "value"), de.valueType()), de.valueType());
      if (key != null) {
        error(errors, "EVENT", uid, "E1302", "DataElement `" + deRef + "` is not valid: `" + key + "`.", deRef, key);
      }
    }
  }

  private static void error(List<ObjectNode> errors, String type, String uid, String code, String message, String... args) {
    ObjectNode e = Json.object();
    e.put("message", message);
    e.put("errorCode", code);
    e.put("trackerType", type);
    e.put("uid", uid);
    var a = e.putArray("args");
    for (String s : args) a.add(s);
    errors.add(e);
  }
}
