package org.lmisbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackerTest {
  Dhis2Sandbox sb;

  @AfterEach
  void stop() {
    if (sb != null) sb.stop();
  }

  private SandboxClient start(String version) {
    sb = RecordingReplayTest.seeded(Dhis2Sandbox.builder().version(version)).build().start();
    return new SandboxClient(sb);
  }

  private static String event(String uid, String ou, String qty) {
    return "{" + (uid == null ? "" : "\"event\":\"" + uid + "\",") + "\"program\":\"PrLmisOrd01\",\"programStage\":\"PsLmisOrd01\","
        + "\"orgUnit\":\"" + ou + "\",\"occurredAt\":\"2026-11-20\",\"status\":\"COMPLETED\",\"dataValues\":["
        + "{\"dataElement\":\"DeItemCode1\",\"value\":\"AMOX\"},{\"dataElement\":\"DeOrderQty1\",\"value\":\"" + qty + "\"}]}";
  }

  @Test
  void atomicModeObjectKeepsGoodEvents() throws Exception {
    SandboxClient c = start("2.42");
    HttpResponse<String> r = c.post("/api/tracker?async=false&atomicMode=OBJECT",
        "{\"events\":[" + event(null, "OuFacility1", "5") + "," + event(null, "OuFacility5", "5") + "]}");
    JsonNode n = c.json(r);
    assertEquals(200, r.statusCode());
    assertEquals("OK", n.path("status").asText());
    assertEquals(1, n.at("/stats/created").asInt());
    assertEquals(1, n.at("/stats/ignored").asInt());
    assertEquals("E1029", n.at("/validationReport/errorReports/0/errorCode").asText());
    assertEquals(1, sb.events().count());
  }

  @Test
  void rePostingTheSameEventUidUpdatesIt() throws Exception {
    SandboxClient c = start("2.42");
    c.post("/api/tracker?async=false", "{\"events\":[" + event("EvClient001", "OuFacility1", "5") + "]}");
    JsonNode n = c.json(c.post("/api/tracker?async=false", "{\"events\":[" + event("EvClient001", "OuFacility1", "7") + "]}"));
    assertEquals(1, n.at("/stats/updated").asInt());
    assertEquals(1, sb.events().count());
    assertEquals("7", sb.events().event("EvClient001").value("DeOrderQty1"));
  }

  @Test
  void eventsPageWithVersion240Shape() throws Exception {
    SandboxClient c = start("2.40");
    sb.addEvent(TrackerEvent.of("PrLmisOrd01", "PsLmisOrd01", "OuFacility1", "COMPLETED", "2026-11-20",
        Map.of("DeOrderQty1", "3")));
    JsonNode n = c.json(c.get("/api/tracker/events?program=PrLmisOrd01&orgUnit=OuDistrictA&orgUnitMode=DESCENDANTS&totalPages=true"));
    assertEquals(1, n.path("page").asInt());
    assertEquals(1, n.path("total").asInt());
    assertEquals(1, n.path("instances").size());
    assertFalse(n.has("pager"));
  }

  @Test
  void orgUnitWithoutModeMeansSelectedOnly() throws Exception {
    SandboxClient c = start("2.42");
    sb.addEvent(TrackerEvent.of("PrLmisOrd01", "PsLmisOrd01", "OuFacility1", "COMPLETED", "2026-11-20", Map.of()));
    assertEquals(0, c.json(c.get("/api/tracker/events?orgUnit=OuDistrictA")).path("events").size());
    assertEquals(1, c.json(c.get("/api/tracker/events?orgUnit=OuDistrictA&orgUnitMode=CHILDREN")).path("events").size());
  }

  @Test
  void eventsPagedInUpdateOrderFollowNextPage() throws Exception {
    SandboxClient c = start("2.41");
    for (int i = 0; i < 5; i++) {
      sb.addEvent(TrackerEvent.of("PrLmisOrd01", "PsLmisOrd01", "OuFacility1", "COMPLETED", "2026-11-20", Map.of()));
    }
    JsonNode p1 = c.json(c.get("/api/tracker/events?program=PrLmisOrd01&order=updatedAt:asc&pageSize=2&totalPages=true"));
    assertEquals(3, p1.at("/pager/pageCount").asInt());
    assertEquals(5, p1.path("total").asInt());
    assertTrue(p1.at("/pager/nextPage").asText().endsWith("page=2"));
    assertEquals(2, p1.path("events").size());
  }

  @Test
  void trackedEntitiesAreFoundByAttribute() throws Exception {
    SandboxClient c = start("2.42");
    sb.loadMetadata(new java.io.ByteArrayInputStream(("{\"trackedEntityTypes\":[{\"id\":\"TetItem0001\",\"name\":\"Item\"}],"
        + "\"trackedEntityAttributes\":[{\"id\":\"TeaItemCode\",\"name\":\"Item code\",\"valueType\":\"TEXT\"}],"
        + "\"programs\":[{\"id\":\"PrRts000001\",\"name\":\"RTS\",\"programType\":\"WITH_REGISTRATION\","
        + "\"trackedEntityType\":{\"id\":\"TetItem0001\"},\"organisationUnits\":[{\"id\":\"OuFacility1\"}],"
        + "\"programStages\":[{\"id\":\"PsRts000001\"}]}]}").getBytes()));
    String payload = "{\"trackedEntities\":[{\"trackedEntity\":\"TeAmox00001\",\"trackedEntityType\":\"TetItem0001\","
        + "\"orgUnit\":\"OuFacility1\",\"attributes\":[{\"attribute\":\"TeaItemCode\",\"value\":\"AMOX250\"}],"
        + "\"enrollments\":[{\"program\":\"PrRts000001\",\"orgUnit\":\"OuFacility1\",\"enrolledAt\":\"2026-11-01\"}]}]}";
    JsonNode r = c.json(c.post("/api/tracker?async=false", payload));
    assertEquals("OK", r.path("status").asText(), r.toString());
    JsonNode n = c.json(c.get("/api/tracker/trackedEntities?program=PrRts000001&orgUnit=OuFacility1&filter=TeaItemCode:eq:AMOX250"));
    assertEquals("TeAmox00001", n.at("/trackedEntities/0/trackedEntity").asText());
  }
}
