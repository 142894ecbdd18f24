package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/system/info} and {@code /api/me}. */
final class SystemEndpoints {
  private final Dhis2Sandbox sandbox;

  SystemEndpoints(Dhis2Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  Reply info(Request r) {
    String now = Json.timestamp(sandbox.clock().instant());
    String epoch = "1970-01-01T00:00:00.000";
    ObjectNode n = Json.object();
    n.put("contextPath", r.baseUrl);
    n.put("userAgent", r.header("User-Agent") == null ? "" : r.header("User-Agent"));
    n.put("calendar", "iso8601");
    n.put("dateFormat", "yyyy-mm-dd");
    n.put("serverDate", now);
    n.put("serverTimeZoneId", "Etc/UTC");
    n.put("serverTimeZoneDisplayName", "Coordinated Universal Time");
    n.put("lastAnalyticsTableSuccess", epoch);
    n.put("intervalSinceLastAnalyticsTableSuccess", "");
    n.put("lastAnalyticsTableRuntime", "");
    n.put("lastSystemMonitoringSuccess", epoch);
    n.put("lastAnalyticsTablePartitionSuccess", epoch);
    n.put("intervalSinceLastAnalyticsTablePartitionSuccess", "");
    n.put("lastAnalyticsTablePartitionRuntime", "");
    ObjectNode db = n.putObject("databaseInfo");
    db.put("name", "dhis2").put("user", "dhis").put("url", "jdbc:postgresql://127.0.0.1:5432/dhis2")
        .put("databaseVersion", "PostgreSQL 15.18").put("spatialSupport", true).put("time", now);
    n.put("version", sandbox.version());
    n.put("revision", "sandbox");
    n.put("buildTime", now);
    n.put("jasperReportsVersion", "6.20.0");
    n.put("environmentVariable", "DHIS2_HOME");
    n.put("fileStoreProvider", "filesystem");
    n.put("readOnlyMode", "off");
    n.put("nodeId", "");
    n.put("javaVersion", System.getProperty("java.version"));
    n.put("javaVendor", System.getProperty("java.vendor"));
    n.put("osName", System.getProperty("os.name"));
    n.put("osArchitecture", System.getProperty("os.arch"));
    n.put("osVersion", System.getProperty("os.version"));
    n.put("externalDirectory", "(DHIS2 home folder)");
    n.put("readReplicaCount", 0);
    n.put("memoryInfo", "Mem Total in JVM: " + Runtime.getRuntime().totalMemory() / (1 << 20));
    n.put("cpuCores", Runtime.getRuntime().availableProcessors());
    n.put("encryption", true);
    n.put("emailConfigured", false);
    n.put("redisEnabled", false);
    n.put("systemName", "DHIS 2 sandbox");
    n.put("systemMetadataVersion", "");
    n.put("instanceBaseUrl", r.baseUrl);
    n.put("clusterHostname", "");
    n.put("isMetadataVersionEnabled", false);
    n.put("lastMetadataVersionSyncAttempt", epoch);
    return Reply.json(200, n);
  }

  Reply me(Request r) {
    ObjectNode full = userJson(sandbox.metadata(), r.user);
    FieldFilter f = FieldFilter.parse(r.query.first("fields"), "*");
    return Reply.json(200, f.apply(full));
  }

  /** A user as DHIS2 writes it, with its org units as objects (cut down by {@link FieldFilter}). */
  static ObjectNode userJson(MetadataStore md, SandboxUser u) {
    ObjectNode n = Json.object();
    n.put("id", u.id());
    n.put("username", u.username());
    n.put("firstName", u.firstName());
    n.put("surname", u.surname());
    n.put("name", (nz(u.firstName()) + " " + nz(u.surname())).trim());
    n.put("displayName", (nz(u.firstName()) + " " + nz(u.surname())).trim());
    if (u.email() != null) n.put("email", u.email());
    if (u.phoneNumber() != null) n.put("phoneNumber", u.phoneNumber());
    n.put("disabled", u.disabled());
    n.put("lastUpdated", Json.timestamp(u.lastUpdated()));
    n.set("organisationUnits", units(md, u.organisationUnits()));
    n.set("dataViewOrganisationUnits", units(md, u.dataViewOrganisationUnits()));
    n.putArray("teiSearchOrganisationUnits");
    ArrayNode auth = n.putArray("authorities");
    u.authorities().forEach(auth::add);
    return n;
  }

  private static ArrayNode units(MetadataStore md, java.util.List<String> ids) {
    ArrayNode a = Json.array();
    for (String id : ids) {
      OrgUnit ou = md.orgUnit(id, IdScheme.UID);
      ObjectNode o = a.addObject().put("id", id);
      if (ou != null) {
        if (ou.code() != null) o.put("code", ou.code());
        o.put("name", ou.name()).put("level", ou.level()).put("path", ou.path());
      }
    }
    return a;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
