package org.lmisbridge.eod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.testsupport.BridgeHarness;
import org.lmisbridge.testsupport.TestDatabases;

/**
 * The End-of-Day routes in the real bridge, on H2 and on PostgreSQL: the on-demand JSON endpoint and direct route,
 * the summary and indicator endpoints, the refusal of a day not yet ended, and the catch-up route.
 */
class EndOfDayRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of(Named.of("H2", "jdbc:h2:mem:eod-routes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")),
                Arguments.of(Named.of("PostgreSQL", TestDatabases.postgresUrl())));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDayRunOnDemandIsReadBackFromTheSummaryEndpoint(String dbUrl) throws Exception {
        try (BridgeHarness bridge = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "district")
                .property("bridge.db.url", dbUrl)
                .property("eod.schedule-enabled", "false")
                .property("eod.time-zone", "UTC")
                .start()) {
            LocalDate today = LocalDate.now(ZoneId.of("UTC"));
            LocalDate day1 = today.minusDays(2);
            LocalDate day2 = today.minusDays(1);
            HandLedger l = new HandLedger(bridge.dataSource());
            // NAT supplies FAC; day 1: NAT receives 100 and sends 40 to FAC; FAC dispenses 15. Day 2: no movement.
            l.store(1, "NAT", null).store(2, "FAC", 1L).item(10, "A");
            l.tx(1, 10, "ARRIVAL", 100, day1, 100).tx(1, 10, "DISTRIBUTION", 40, day1, 60)
                    .tx(2, 10, "ARRIVAL", 40, day1, 40).tx(2, 10, "DISPENSING", 15, day1, 25);

            HttpResponse<String> run = bridge.server("POST", "/api/eod/run",
                    "{\"from\":\"" + day1 + "\",\"to\":\"" + day2 + "\"}");
            assertThat(run.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(run.body());
            assertThat(answer.get("frozen").asInt()).isEqualTo(2);
            assertThat(answer.get("days").get(0).get("day").asText()).isEqualTo(day1.toString());

            JsonNode rows = JSON.readTree(bridge.server("GET", "/api/eod/summary?date=" + day2 + "&store=FAC", null).body());
            assertThat(rows).hasSize(1);
            JsonNode fac = rows.get(0);
            assertThat(fac.get("store_code").asText()).isEqualTo("FAC");
            assertThat(fac.get("item_code").asText()).isEqualTo("A");
            assertThat(fac.get("opening_balance").asLong()).isEqualTo(25);   // 40 - 15 on day 1
            assertThat(fac.get("closing_balance").asLong()).isEqualTo(25);   // no movement on day 2
            assertThat(fac.get("discrepancy").asLong()).isZero();
            JsonNode all = JSON.readTree(bridge.server("GET", "/api/eod/summary?date=" + day1, null).body());
            assertThat(all).hasSize(2);
            assertThat(all.get(0).get("store_code").asText()).isEqualTo("NAT");   // from the central store down
            assertThat(all.get(0).get("closing_balance").asLong()).isEqualTo(60);

            String period = EodCalendar.dailyPeriod(day2);
            JsonNode soh = JSON.readTree(bridge.server("GET", "/api/eod/indicators?period=" + period + "&store=NAT", null).body());
            assertThat(soh.get(0).get("indicator").asText()).isEqualTo("STOCK_ON_HAND");
            assertThat(soh.get(0).get("indicator_value").asDouble()).isEqualTo(60.0);

            HttpResponse<String> notEnded = bridge.server("POST", "/api/eod/run", "{\"from\":\"" + today + "\"}");
            assertThat(notEnded.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(notEnded.body()).get("error").asText()).contains("has not ended");
            assertThat(bridge.server("GET", "/api/eod/summary?date=yesterday", null).statusCode()).isEqualTo(400);

            @SuppressWarnings("unchecked")
            Map<String, Object> again = bridge.producer().requestBody("direct:end-of-day-run",
                    Map.of("from", day1.toString()), Map.class);
            assertThat(again).containsEntry("restated", 1).containsEntry("changedRows", 0);
            bridge.producer().requestBody("direct:end-of-day-catch-up", "");
            assertThat(bridge.query("SELECT trigger, status FROM flow_run WHERE flow = 'end-of-day' ORDER BY id"))
                    .extracting(r -> r.get("trigger") + " " + r.get("status"))
                    .containsExactly("on-demand SUCCESS", "on-demand SUCCESS", "schedule SUCCESS");
            assertThat(bridge.query("SELECT COUNT(*) AS n FROM eod_run").get(0).get("n").toString()).isEqualTo("2");
        }
    }
}
