package org.lmisbridge.sandbox;

import java.util.function.Function;

/** Sends each request to its endpoint; {@code /api/42/...} is the same as {@code /api/...}. */
final class ApiRouter implements Function<Request, Reply> {
  private static final String LOGIN_404 = "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 – Not Found</title>"
      + "</head><body><h1>HTTP Status 404 – Not Found</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p>"
      + "<p><b>Message</b> No static resource dhis-web-login.</p><p><b>Description</b> The origin server did not find a "
      + "current representation for the target resource or is not willing to disclose that one exists.</p>"
      + "<hr class=\"line\" /><h3>Apache Tomcat/11.0.15</h3></body></html>";

  private final SystemEndpoints system;
  private final DataValueSetEndpoints dataValueSets;
  private final MetadataEndpoints metadata;
  private final TrackerEndpoints tracker;
  private final ControlEndpoints control;

  ApiRouter(Dhis2Sandbox sandbox) {
    this.system = new SystemEndpoints(sandbox);
    this.dataValueSets = new DataValueSetEndpoints(sandbox);
    this.metadata = new MetadataEndpoints(sandbox);
    this.tracker = new TrackerEndpoints(sandbox);
    this.control = new ControlEndpoints(sandbox);
  }

  @Override
  public Reply apply(Request r) {
    String path = r.path.replaceFirst("^/api/\\d+/", "/api/");
    if (path.length() > 1 && path.endsWith("/") && path.startsWith("/api")) path = path.substring(0, path.length() - 1);
    if (path.endsWith(".json")) path = path.substring(0, path.length() - 5);
    if (path.startsWith("/sandbox/")) return control.handle(r, path);
    if (path.startsWith("/dhis-web-login")) return Reply.html(404, LOGIN_404);
    String[] s = path.split("/");
    String m = r.method;
    Reply reply = switch (path) {
      case "/api/system/info" -> get(m) ? system.info(r) : null;
      case "/api/me" -> get(m) ? system.me(r) : null;
      case "/api/dataValueSets" -> m.equals("POST") ? dataValueSets.post(r) : get(m) ? dataValueSets.get(r) : null;
      case "/api/metadata" -> m.equals("POST") ? metadata.importMetadata(r) : null;
      case "/api/organisationUnits" -> get(m) ? metadata.orgUnits(r) : null;
      case "/api/users" -> get(m) ? metadata.users(r) : null;
      case "/api/tracker" -> m.equals("POST") ? tracker.post(r) : null;
      case "/api/tracker/events" -> get(m) ? tracker.events(r) : null;
      case "/api/tracker/trackedEntities" -> get(m) ? tracker.trackedEntities(r) : null;
      default -> null;
    };
    if (reply != null) return reply;
    if (get(m) && s.length == 6 && path.startsWith("/api/system/tasks/")) return dataValueSets.tasks(s[5]);
    if (get(m) && s.length == 6 && path.startsWith("/api/system/taskSummaries/")) return dataValueSets.taskSummary(s[5]);
    if (get(m) && s.length == 5 && path.startsWith("/api/tracker/jobs/")) return tracker.job(s[4]);
    if (get(m) && s.length == 6 && path.startsWith("/api/tracker/jobs/") && s[5].equals("report")) return tracker.jobReport(s[4]);
    if (get(m) && s.length == 5 && path.startsWith("/api/tracker/events/")) return tracker.event(r, s[4]);
    if (get(m) && s.length == 4 && path.startsWith("/api/organisationUnits/")) return metadata.orgUnit(r, s[3]);
    if (get(m) && s.length == 4 && path.startsWith("/api/users/")) return metadata.user(r, s[3]);
    return Reply.error(404, "Not found: " + r.method + " " + r.path);
  }

  private static boolean get(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }
}
