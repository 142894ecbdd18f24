package org.lmisbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays every recording 01–39 in order against one sandbox seeded with the recorded metadata
 * (plus the option combos of recording 11) and compares status, message, shape, counts, conflicts
 * and tracker codes with the real DHIS2 2.42.4.1 answers.
 */
class RecordingReplayTest {
  static Dhis2Sandbox sb;
  static SandboxClient client;

  @BeforeAll
  static void start() {
    sb = seeded(Dhis2Sandbox.builder().port(0)).build().start();
    client = new SandboxClient(sb);
  }

  /** The recorded server's metadata plus the option combos recording 11 shows. */
  static Dhis2Sandbox.Builder seeded(Dhis2Sandbox.Builder b) {
    String cocs = "{\"categoryOptionCombos\":["
        + "{\"id\":\"VlzGprmKHiE\",\"code\":\"OPENING_BALANCE\",\"categoryCombo\":{\"id\":\"CcStockMv01\"},\"categoryOptions\":[{\"id\":\"CoOpenBal01\"}]},"
        + "{\"id\":\"pFbMF3Z6elM\",\"code\":\"RECEIVED\",\"categoryCombo\":{\"id\":\"CcStockMv01\"},\"categoryOptions\":[{\"id\":\"CoReceived1\"}]},"
        + "{\"id\":\"ojEeyVJvzQb\",\"code\":\"CLOSING_BALANCE\",\"categoryCombo\":{\"id\":\"CcStockMv01\"},\"categoryOptions\":[{\"id\":\"CoCloseBal1\"}]}]}";
    return b.emptyMetadata()
        .metadata(RecordingReplayTest.class.getResourceAsStream("/dhis2-samples/00-seeded-metadata.json"))
        .extraMetadata(cocs);
  }

  @AfterAll
  static void stop() {
    sb.stop();
  }

  @Test
  void everyRecordingIsAnsweredAsTheRealServerDid() throws Exception {
    List<String> failures = new ArrayList<>();
    Map<String, String> jobIds = new HashMap<>();
    int replayed = 0;
    for (int i = 1; i <= 39; i++) {
      String name = recordingName(i);
      Recording rec = Recording.load(name);
      try {
        replay(rec, jobIds);
        replayed++;
      } catch (AssertionError e) {
        failures.add(name + ": " + e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertEquals(39, replayed);
  }

  private static String recordingName(int i) {
    String prefix = String.format("%02d-", i);
    try (var in = RecordingReplayTest.class.getResourceAsStream("/dhis2-samples/")) {
      for (String line : new String(in.readAllBytes()).split("\n")) if (line.startsWith(prefix)) return line.trim();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no recording " + prefix);
  }

  private void replay(Recording rec, Map<String, String> jobIds) throws Exception {
    String auth = SandboxClient.basic("admin", "district");
    String authHeader = rec.requestHeaders().get("Authorization");
    if (authHeader == null) auth = null;
    else if (authHeader.startsWith("Basic (nobody")) auth = SandboxClient.basic("nobody", "district");
    else if (authHeader.contains("*********)")) auth = SandboxClient.basic("admin", "wrong-pass");
    String path = rec.pathAndQuery();
    for (Map.Entry<String, String> j : jobIds.entrySet()) path = path.replace(j.getKey(), j.getValue());
    List<String> headers = new ArrayList<>();
    if (rec.name().startsWith("35-")) headers.addAll(List.of("X-Requested-With", "XMLHttpRequest"));
    if (rec.name().startsWith("38-") || rec.name().startsWith("39-")) awaitJob(path.replace("/report", ""));
    HttpResponse<String> resp = client.as(auth).send(rec.method(), path, rec.requestBody(), headers.toArray(new String[0]));
    assertEquals(rec.status(), resp.statusCode(), "status");
    if (rec.responseHeaders().containsKey("Location")) {
      assertEquals(rec.responseHeaders().get("Location").replace("http://127.0.0.1:8080", sb.baseUrl()),
          resp.headers().firstValue("Location").orElse(null), "Location");
    }
    String ct = rec.responseHeaders().getOrDefault("Content-Type", "");
    if (!ct.startsWith("application/json")) {
      if (!ct.isEmpty()) assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith(ct.split(";")[0]), "content type");
      return;
    }
    JsonNode expected = SandboxClient.MAPPER.readTree(rec.responseBody());
    JsonNode actual = SandboxClient.MAPPER.readTree(resp.body());
    if (rec.name().startsWith("24-")) jobIds.put(expected.at("/response/id").asText(), actual.at("/response/id").asText());
    for (String f : List.of("status", "httpStatus", "httpStatusCode", "message", "errorCode")) {
      if (expected.isObject() && expected.has(f)) assertEquals(expected.get(f), actual.get(f), f);
    }
    assertSameShape(expected, actual, "$");
    JsonNode er = expected.path("response");
    JsonNode ar = actual.path("response");
    if (er.has("importCount")) {
      assertEquals(er.get("importCount"), ar.get("importCount"), "importCount");
      assertEquals(er.get("status"), ar.get("status"), "response.status");
      assertEquals(er.get("rejectedIndexes"), ar.get("rejectedIndexes"), "rejectedIndexes");
      assertEquals(conflicts(er), conflicts(ar), "conflicts");
      assertEquals(er.get("importOptions"), ar.get("importOptions"), "importOptions");
    }
    if (expected.has("stats")) {
      assertEquals(expected.get("stats"), actual.get("stats"), "stats");
      assertEquals(codes(expected), codes(actual), "tracker error codes");
    }
    if (expected.has("dataValues")) assertEquals(values(expected), values(actual), "data values");
    if (expected.has("events")) {
      assertEquals(events(expected), events(actual), "events");
      if (expected.at("/pager/nextPage").isTextual()) {
        assertEquals(expected.at("/pager/nextPage").asText().replace("http://127.0.0.1:8080", sb.baseUrl()),
            actual.at("/pager/nextPage").asText(), "nextPage");
      }
    }
  }

  private void awaitJob(String path) throws Exception {
    for (int i = 0; i < 200; i++) {
      JsonNode n = client.json(client.as(SandboxClient.basic("admin", "district")).get(path));
      if (n.isArray() && n.size() > 0 && n.get(0).path("completed").asBoolean()) return;
      Thread.onSpinWait();
    }
  }

  static List<String> conflicts(JsonNode response) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : response.path("conflicts")) {
      out.add(c.path("errorCode").asText() + " " + c.path("objects") + " " + c.path("indexes") + " " + c.path("property")
          + " " + c.path("value").asText());
    }
    return out;
  }

  private static List<String> codes(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : report.at("/validationReport/errorReports")) out.add(e.path("errorCode").asText() + "/" + e.path("trackerType").asText());
    out.sort(null);
    return out;
  }

  private static TreeSet<String> values(JsonNode set) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode v : set.path("dataValues")) {
      out.add(v.path("dataElement").asText() + "|" + v.path("period").asText() + "|" + v.path("orgUnit").asText() + "|"
          + v.path("categoryOptionCombo").asText() + "|" + v.path("attributeOptionCombo").asText() + "|" + v.path("value").asText());
    }
    return out;
  }

  /** Events without their generated UIDs and timestamps. */
  private static List<String> events(JsonNode page) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : page.path("events")) {
      TreeSet<String> dvs = new TreeSet<>();
      for (JsonNode dv : e.path("dataValues")) dvs.add(dv.path("dataElement").asText() + "=" + dv.path("value").asText());
      out.add(e.path("status").asText() + " " + e.path("orgUnit").asText() + " " + e.path("program").asText() + " " + dvs);
    }
    return out;
  }

  /** Same keys in every object; arrays are compared by their first element. */
  static void assertSameShape(JsonNode expected, JsonNode actual, String where) {
    if (expected.isObject()) {
      assertTrue(actual.isObject(), where + " should be an object");
      TreeSet<String> e = new TreeSet<>();
      expected.fieldNames().forEachRemaining(e::add);
      TreeSet<String> a = new TreeSet<>();
      actual.fieldNames().forEachRemaining(a::add);
      assertEquals(e, a, "keys at " + where);
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        assertSameShape(expected.get(k), actual.get(k), where + "." + k);
      }
    } else if (expected.isArray()) {
      assertTrue(actual.isArray(), where + " should be an array");
      if (expected.size() > 0 && actual.size() > 0) assertSameShape(expected.get(0), actual.get(0), where + "[0]");
      assertEquals(expected.size() == 0, actual.size() == 0, "emptiness of " + where);
    }
  }
}
