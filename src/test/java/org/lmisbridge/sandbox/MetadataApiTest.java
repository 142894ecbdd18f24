package org.lmisbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataApiTest {
  Dhis2Sandbox sb;
  SandboxClient client;

  @BeforeEach
  void start() {
    sb = RecordingReplayTest.seeded(Dhis2Sandbox.builder()).clock(new TickingClock()).build().start();
    client = new SandboxClient(sb);
  }

  @AfterEach
  void stop() {
    sb.stop();
  }

  @Test
  void orgUnitsFilterAndPaging() throws Exception {
    JsonNode p1 = client.json(client.get("/api/organisationUnits?fields=id,code,level,path,parent[id]&filter=level:eq:3&order=code:asc&pageSize=2"));
    assertEquals(5, p1.at("/pager/total").asInt());
    assertEquals(3, p1.at("/pager/pageCount").asInt());
    assertEquals("FAC_001", p1.at("/organisationUnits/0/code").asText());
    assertEquals("/OuNational1/OuDistrictA/OuFacility1", p1.at("/organisationUnits/0/path").asText());
    assertEquals("OuDistrictA", p1.at("/organisationUnits/0/parent/id").asText());
    JsonNode in = client.json(client.get("/api/organisationUnits?fields=id&filter=code:in:[FAC_001,FAC_005]&paging=false"));
    assertEquals(2, in.path("organisationUnits").size());
  }

  @Test
  void movingAndClosingAnOrgUnitChangesLastUpdated() throws Exception {
    String before = client.json(client.get("/api/organisationUnits/OuFacility1?fields=lastUpdated")).path("lastUpdated").asText();
    sb.metadata().moveOrgUnit("OuFacility1", "OuDistrictB");
    sb.metadata().closeOrgUnit("OuFacility1", LocalDate.of(2026, 1, 31));
    JsonNode ou = client.json(client.get("/api/organisationUnits/OuFacility1?fields=path,closedDate,lastUpdated"));
    assertEquals("/OuNational1/OuDistrictB/OuFacility1", ou.path("path").asText());
    assertEquals("2026-01-31T00:00:00.000", ou.path("closedDate").asText());
    assertNotEquals(before, ou.path("lastUpdated").asText());
  }

  @Test
  void usersListWithOrgUnits() throws Exception {
    JsonNode n = client.json(client.get("/api/users?fields=id,username,disabled,organisationUnits[id,code]&filter=username:eq:admin"));
    assertEquals("NAT", n.at("/users/0/organisationUnits/0/code").asText());
  }

  @Test
  void isoPeriodsParse() {
    assertEquals("20240315", IsoPeriod.parse("2024-03-15").iso());
    assertEquals(LocalDate.of(2024, 3, 11), IsoPeriod.parse("2024W11").start());
    assertEquals(LocalDate.of(2024, 6, 30), IsoPeriod.parse("2024Q2").end());
    assertEquals("2024W1", IsoPeriod.containing(IsoPeriod.Type.WEEKLY, LocalDate.of(2024, 1, 3)).iso());
    assertEquals(null, IsoPeriod.parse("202613"));
  }
}
