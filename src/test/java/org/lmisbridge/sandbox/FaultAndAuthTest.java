package org.lmisbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultAndAuthTest {
  Dhis2Sandbox sb;
  SandboxClient client;

  @BeforeEach
  void start() {
    sb = RecordingReplayTest.seeded(Dhis2Sandbox.builder()).apiToken("d2pat_abcdef1234567890", "admin").build().start();
    client = new SandboxClient(sb);
  }

  @AfterEach
  void stop() {
    sb.stop();
  }

  @Test
  void scriptedResetThenSuccess() throws Exception {
    // POST, because java.net.http silently retries an idempotent GET once after a closed connection
    String body = "{\"dataValues\":[{\"dataElement\":\"DeSohPara01\",\"period\":\"202610\",\"orgUnit\":\"OuFacility1\",\"value\":\"3\"}]}";
    sb.faults().script("/api/dataValueSets", Fault.status(503), Fault.reset(), Fault.ok());
    assertEquals(503, client.post("/api/dataValueSets", body).statusCode());
    assertThrows(IOException.class, () -> client.post("/api/dataValueSets", body));
    assertEquals(0, sb.dataValues().count());
    assertEquals(200, client.post("/api/dataValueSets", body).statusCode());
    assertEquals(1, sb.dataValues().count());
    List<JournalEntry> j = sb.journal().entries("POST", "/api/dataValueSets");
    assertEquals(java.util.Arrays.asList("503", "RESET", null), j.stream().map(JournalEntry::fault).toList());
    assertEquals(-1, j.get(1).status());
    assertEquals(200, j.get(2).status());
  }

  @Test
  void rateFaultsAreSeededAndRecordedInJournal() throws Exception {
    sb.faults().rate("GET", "/api/me", 0.3, 42L, Fault.status(500), Fault.tooManyRequests(2));
    int faulted = 0;
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> r = client.get("/api/me");
      if (r.statusCode() != 200) {
        faulted++;
        if (r.statusCode() == 429) assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
      }
    }
    java.util.Random expected = new java.util.Random(42L);
    int expectedFaults = 0;
    for (int i = 0; i < 100; i++) if (expected.nextDouble() < 0.3) { expected.nextInt(2); expectedFaults++; }
    assertEquals(expectedFaults, faulted);
    assertEquals(faulted, sb.journal().entries(e -> e.fault() != null).size());
  }

  @Test
  void truncatedAndNonJsonBodies() throws Exception {
    sb.faults().script("GET", "/api/me", Fault.truncated(), Fault.nonJson(), Fault.slow(50));
    assertThrows(IOException.class, () -> client.get("/api/me"));
    HttpResponse<String> html = client.get("/api/me");
    assertEquals(200, html.statusCode());
    assertTrue(html.body().startsWith("<!doctype html>"));
    assertEquals(200, client.get("/api/me").statusCode());
  }

  @Test
  void faultsCanBeSetOverHttp() throws Exception {
    client.post("/sandbox/faults", "{\"method\":\"GET\",\"path\":\"/api/me\",\"script\":[\"502\"]}");
    assertEquals(502, client.get("/api/me").statusCode());
    assertEquals(200, client.get("/api/me").statusCode());
    assertTrue(client.get("/sandbox/journal").body().contains("\"fault\":\"502\""));
  }

  @Test
  void apiTokenAndDisabledUser() throws Exception {
    assertEquals(200, client.as("ApiToken d2pat_abcdef1234567890").get("/api/me").statusCode());
    assertEquals(400, client.as("ApiToken not a token").get("/api/me").statusCode());
    sb.metadata().disableUser("admin", true);
    HttpResponse<String> r = client.as(SandboxClient.basic("admin", "district")).get("/api/me");
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("Account disabled"));
    assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty());
  }
}
