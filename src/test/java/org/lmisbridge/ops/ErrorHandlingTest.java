package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The shared error handling (routes/error-handling.camel.yaml) against the sandbox's injected
 * faults: what is retried, what is dead-lettered at once, and the replay of a dead letter.
 */
class ErrorHandlingTest {

    private static final String VALUES = "{\"dataValues\":[{\"dataElement\":\"DeSohPara01\",\"period\":\"202610\","
            + "\"orgUnit\":\"OuFacility1\",\"value\":\"7\"}]}";

    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Br1dge-Secret").build().start();
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Br1dge-Secret")
                .property("bridge.retry.max-redeliveries", "3")
                .property("bridge.dead-letter.replay-interval-ms", "100")
                .start();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.stop();
    }

    @BeforeEach
    void clean() {
        sandbox.faults().clear();
        sandbox.clearJournal();
        sandbox.dataValues().clear();
    }

    private static int posts() {
        return sandbox.journal().entries("POST", "/api/dataValueSets").size();
    }

    private static List<Map<String, Object>> deadLetters(String route) {
        return bridge.query("SELECT * FROM dead_letter WHERE route_id = 'probe-dhis2-post' ORDER BY id");
    }

    @Test
    void serverErrorsAndResetsAreRedeliveredUntilTheValueIsStored() {
        sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(503), Fault.reset(), Fault.tooManyRequests(0));
        int before = deadLetters("probe-dhis2-post").size();

        String answer = bridge.producer().requestBody("direct:probe-dhis2-post", VALUES, String.class);

        assertThat(answer).contains("\"imported\":1");
        assertThat(posts()).isEqualTo(4);
        assertThat(sandbox.dataValues().count()).isEqualTo(1);
        assertThat(deadLetters("probe-dhis2-post")).hasSize(before);
    }

    @Test
    void exhaustedRetriesEndAsADeadLetterThatAReplayDelivers() {
        sandbox.faults().script("POST", "/api/dataValueSets",
                Fault.status(503), Fault.status(503), Fault.status(503), Fault.status(503));
        int before = deadLetters("probe-dhis2-post").size();

        bridge.producer().sendBody("direct:probe-dhis2-post", VALUES);

        assertThat(posts()).as("journal %s", sandbox.journal().entries("POST", "/api/dataValueSets").stream()
                .map(e -> e.time() + " " + e.status() + " " + e.fault()).toList()).isEqualTo(4);
        List<Map<String, Object>> rows = deadLetters("probe-dhis2-post");
        assertThat(rows).hasSize(before + 1);
        Map<String, Object> row = rows.get(rows.size() - 1);
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat(((Number) row.get("http_status")).intValue()).isEqualTo(503);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(4);
        assertThat(row.get("endpoint_uri")).isEqualTo("direct://probe-dhis2-post");
        assertThat(row.get("body")).isEqualTo(VALUES);
        assertThat(sandbox.dataValues().count()).isZero();

        String ids = "{\"ids\":[" + row.get("id") + "]}";
        assertThat(bridge.server("POST", "/api/dead-letters/replay", ids).body()).isEqualTo("{\"marked\": 1}");
        BridgeHarness.await("the replay to deliver the value", Duration.ofSeconds(20),
                () -> sandbox.dataValues().count() == 1);
        BridgeHarness.await("the dead letter to be marked REPLAYED", Duration.ofSeconds(10),
                () -> "REPLAYED".equals(bridge.query("SELECT status FROM dead_letter WHERE id = " + row.get("id"))
                        .get(0).get("status")));
        assertThat(bridge.server("GET", "/api/dead-letters?status=REPLAYED", null).body()).contains("\"id\":" + row.get("id"));
    }

    @Test
    void aClientErrorIsDeadLetteredWithoutRetrying() {
        int before = deadLetters("probe-dhis2-post").size();
        String unknownDataSet = "{\"dataSet\":\"NoSuchSet01\",\"dataValues\":[]}";

        bridge.producer().sendBody("direct:probe-dhis2-post", unknownDataSet);

        assertThat(posts()).isEqualTo(1);
        List<Map<String, Object>> rows = deadLetters("probe-dhis2-post");
        assertThat(rows).hasSize(before + 1);
        Map<String, Object> row = rows.get(rows.size() - 1);
        assertThat(((Number) row.get("http_status")).intValue()).isEqualTo(409);
        assertThat((String) row.get("reason")).contains("HTTP 409").contains("E7600");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
    }

    @Test
    void aReplayThatFailsAgainStaysOneDeadLetterWithOneMoreAttempt() {
        sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(500), Fault.status(500),
                Fault.status(500), Fault.status(500), Fault.status(500), Fault.status(500), Fault.status(500), Fault.status(500));
        bridge.producer().sendBody("direct:probe-dhis2-post", VALUES);
        List<Map<String, Object>> rows = deadLetters("probe-dhis2-post");
        Map<String, Object> row = rows.get(rows.size() - 1);

        bridge.server("POST", "/api/dead-letters/replay", "{\"ids\":[" + row.get("id") + "]}");
        BridgeHarness.await("the replay to fail again", Duration.ofSeconds(20), () -> posts() == 8
                && "NEW".equals(bridge.query("SELECT status FROM dead_letter WHERE id = " + row.get("id")).get(0).get("status")));

        assertThat(deadLetters("probe-dhis2-post")).hasSize(rows.size());
        Map<String, Object> after = bridge.query("SELECT * FROM dead_letter WHERE id = " + row.get("id")).get(0);
        assertThat(((Number) after.get("attempts")).intValue()).as("row %s", after).isEqualTo(8);
        assertThat((String) after.get("reason")).contains("HTTP 500");
    }
}
