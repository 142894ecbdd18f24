package org.lmisbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataValueImportTest {
  Dhis2Sandbox sb;
  SandboxClient client;

  @BeforeEach
  void start() {
    sb = RecordingReplayTest.seeded(Dhis2Sandbox.builder()).build().start();
    client = new SandboxClient(sb);
  }

  @AfterEach
  void stop() {
    sb.stop();
  }

  private static String value(String de, String pe, String ou, String v) {
    return "{\"dataElement\":\"" + de + "\",\"period\":\"" + pe + "\",\"orgUnit\":\"" + ou + "\",\"value\":\"" + v + "\"}";
  }

  private JsonNode post(String query, String... values) throws Exception {
    HttpResponse<String> r = client.post("/api/dataValueSets" + query, "{\"dataValues\":[" + String.join(",", values) + "]}");
    return client.json(r);
  }

  @Test
  void conflictsWithSameCodeAndObjectsAreMergedWithAllIndexes() throws Exception {
    JsonNode r = post("", value("XXUnknown01", "202610", "OuFacility1", "1"), value("DeSohPara01", "202610", "OuFacility1", "2"),
        value("XXUnknown01", "202609", "OuFacility2", "3"), value("XXOther0001", "202610", "OuFacility1", "4"));
    assertEquals(409, r.path("httpStatusCode").asInt());
    JsonNode conflicts = r.at("/response/conflicts");
    assertEquals(2, conflicts.size());
    assertEquals("[0,2]", conflicts.get(0).path("indexes").toString());
    assertEquals("[3]", conflicts.get(1).path("indexes").toString());
    assertEquals("[0,2,3]", r.at("/response/rejectedIndexes").toString());
    assertEquals(1, r.at("/response/importCount/imported").asInt());
  }

  @Test
  void unchangedValueCountsAsIgnored() throws Exception {
    post("", value("DeSohPara01", "202610", "OuFacility1", "5"));
    JsonNode r = post("", value("DeSohPara01", "202610", "OuFacility1", "5"));
    assertEquals(1, r.at("/response/importCount/ignored").asInt());
    assertEquals("[]", r.at("/response/rejectedIndexes").toString());
    assertEquals("OK", r.path("status").asText());
  }

  @Test
  void dryRunStoresNothing() throws Exception {
    JsonNode r = post("?dryRun=true", value("DeSohPara01", "202610", "OuFacility1", "5"));
    assertEquals(1, r.at("/response/importCount/imported").asInt());
    assertEquals(0, sb.dataValues().count());
  }

  @Test
  void codeIdSchemeResolvesCodes() throws Exception {
    JsonNode r = post("?idScheme=CODE", "{\"dataElement\":\"SOH_AMOX\",\"categoryOptionCombo\":\"RECEIVED\",\"period\":\"202610\",\"orgUnit\":\"FAC_002\",\"value\":\"9\"}");
    assertEquals("OK", r.path("status").asText(), r.toString());
    assertEquals("9", sb.dataValues().find("DeSohAmox01", "202610", "OuFacility2", "pFbMF3Z6elM").orElseThrow().value());
  }

  @Test
  void monthWithDashIsStoredAsIsoMonth() throws Exception {
    post("", value("DeSohPara01", "2026-10", "OuFacility1", "5"));
    assertTrue(sb.dataValues().find("DeSohPara01", "202610", "OuFacility1", null).isPresent());
  }

  @Test
  void unknownDataSetAbortsWithError() throws Exception {
    HttpResponse<String> r = client.post("/api/dataValueSets", "{\"dataSet\":\"NoSuchDs001\",\"dataValues\":[" + value("DeSohPara01", "202610", "OuFacility1", "5") + "]}");
    JsonNode n = client.json(r);
    assertEquals(409, r.statusCode());
    assertEquals("ERROR", n.path("status").asText());
    assertEquals("E7600", n.at("/response/conflicts/0/errorCode").asText());
    assertEquals(0, sb.dataValues().count());
  }

  @Test
  void periodAfterOpenFuturePeriodsIsRejected() throws Exception {
    JsonNode r = post("", value("DeSohPara01", "209901", "OuFacility1", "5"));
    assertEquals("E7641", r.at("/response/conflicts/0/errorCode").asText());
  }

  @Test
  void asyncImportTaskSummary() throws Exception {
    HttpResponse<String> r = client.post("/api/dataValueSets?async=true", "{\"dataValues\":[" + value("DeSohPara01", "202610", "OuFacility1", "5") + "]}");
    JsonNode n = client.json(r);
    assertEquals(200, r.statusCode());
    String endpoint = n.at("/response/relativeNotifierEndpoint").asText();
    String id = n.at("/response/id").asText();
    assertEquals("/api/system/tasks/DATAVALUE_IMPORT/" + id, endpoint);
    JsonNode tasks;
    do {
      tasks = client.json(client.get(endpoint));
    } while (!(tasks.size() > 0 && tasks.get(0).path("completed").asBoolean()));
    JsonNode summary = client.json(client.get("/api/system/taskSummaries/DATAVALUE_IMPORT/" + id));
    assertEquals("ImportSummary", summary.path("responseType").asText());
    assertEquals(1, summary.at("/importCount/imported").asInt());
  }

  @Test
  void manyValuesImportInOneBatch() throws Exception {
    StringBuilder sbld = new StringBuilder("{\"dataValues\":[");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      if (i > 0) sbld.append(',');
      sbld.append(value("DeSohPara01", String.format("2020%02d", i % 12 + 1), "OuFacility" + (i / 12 % 4 + 1), String.valueOf(i)));
    }
    sbld.append("]}");
    JsonNode r = client.json(client.post("/api/dataValueSets?importStrategy=CREATE_AND_UPDATE", sbld.toString()));
    JsonNode c = r.at("/response/importCount");
    assertEquals(n, c.path("imported").asInt() + c.path("updated").asInt());
    assertEquals(48, sb.dataValues().count());
  }
}
