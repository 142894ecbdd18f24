package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of {@code POST /api/dataValueSets}, and their echo in the import summary. */
final class ImportOptions {
  /** The id scheme parameters in the order DHIS2 writes them. */
  private static final String[] SCHEMES = {"idScheme", "dataElementIdScheme", "categoryOptionComboIdScheme",
      "orgUnitIdScheme", "dataSetIdScheme", "attributeOptionComboIdScheme"};

  /** Boolean options in the order DHIS2 echoes them, after importStrategy/mergeMode/reportMode. */
  private static final String[] FLAGS = {"skipExistingCheck", "sharing", "skipNotifications", "skipAudit",
      "datasetAllowsPeriods", "strictPeriods", "strictDataElements", "strictCategoryOptionCombos",
      "strictAttributeOptionCombos", "strictOrganisationUnits", "strictDataSetApproval", "strictDataSetLocking",
      "strictDataSetInputPeriods", "requireCategoryOptionCombo", "requireAttributeOptionCombo",
      "skipPatternValidation", "ignoreEmptyCollection", "force"};

  final Map<String, IdScheme> schemes = new LinkedHashMap<>();
  final Map<String, Boolean> flags = new LinkedHashMap<>();
  String importStrategy = "CREATE_AND_UPDATE";
  boolean dryRun;
  boolean async;

  static ImportOptions from(QueryParams q) {
    ImportOptions o = new ImportOptions();
    for (String s : SCHEMES) {
      IdScheme scheme = IdScheme.parse(q.first(s));
      if (scheme != null) o.schemes.put(s, scheme);
    }
    for (String f : FLAGS) o.flags.put(f, q.bool(f, false));
    String strategy = q.first("importStrategy");
    if (strategy == null) strategy = q.first("strategy");
    if (strategy != null) o.importStrategy = strategy.trim().toUpperCase();
    if (o.importStrategy.equals("NEW")) o.importStrategy = "CREATE";
    if (o.importStrategy.equals("UPDATES")) o.importStrategy = "UPDATE";
    if (o.importStrategy.equals("NEW_AND_UPDATES")) o.importStrategy = "CREATE_AND_UPDATE";
    o.dryRun = q.bool("dryRun", false);
    o.async = q.bool("async", false);
    return o;
  }

  boolean flag(String name) {
    return flags.getOrDefault(name, false);
  }

  /** The scheme for a kind of object: its own parameter, else the generic {@code idScheme}, else UID. */
  IdScheme scheme(String specific) {
    IdScheme s = schemes.get(specific);
    return s != null ? s : schemes.getOrDefault("idScheme", IdScheme.UID);
  }

  ObjectNode toJson() {
    ObjectNode n = Json.object();
    ObjectNode ids = n.putObject("idSchemes");
    for (Map.Entry<String, IdScheme> e : schemes.entrySet()) ids.putObject(e.getKey()).put("type", e.getValue().name());
    n.put("dryRun", dryRun);
    n.put("async", async);
    n.put("importStrategy", importStrategy);
    n.put("mergeMode", "REPLACE");
    n.put("reportMode", "FULL");
    for (String f : FLAGS) n.put(f, flag(f));
    n.put("firstRowIsHeader", true);
    n.put("skipLastUpdated", false);
    n.put("mergeDataValues", false);
    n.put("skipCache", false);
    return n;
  }
}
