package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dead-letter rows and their SQL, on H2 and on PostgreSQL. */
class DeadLettersTest {

    private static Exchange failed(String body, Throwable cause) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("Authorization", "Basic YWRtaW46ZGlzdHJpY3Q=");
        exchange.getMessage().setHeader("period", "202403");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        exchange.setProperty(Exchange.FAILURE_ROUTE_ID, "datavalue-push-batch");
        exchange.setProperty(DeadLetters.REPLAY_URI, "direct:datavalue-push-batch");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 4);
        return exchange;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void aFailedMessageIsStoredWithItsReasonBodyAndAttemptsButNoCredentials(DataSource ds) {
        DeadLetters deadLetters = new DeadLetters(ds);
        deadLetters.record(failed("{\"dataValues\":[]}", new HttpOperationFailedException(
                "http://dhis2/api/dataValueSets", 503, "Service Unavailable", null, null, "down for maintenance")));

        List<Map<String, Object>> rows = deadLetters.list("NEW", 10);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("route_id")).isEqualTo("datavalue-push-batch");
        assertThat(row.get("endpoint_uri")).isEqualTo("direct:datavalue-push-batch");
        assertThat((String) row.get("reason")).contains("HTTP 503").contains("down for maintenance");
        assertThat(((Number) row.get("http_status")).intValue()).isEqualTo(503);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(4);

        List<Map<String, Object>> stored = deadLetters.dueForReplay(10);
        assertThat(stored).isEmpty();
        assertThat(deadLetters.markForReplay(List.of(((Number) row.get("id")).longValue()))).isEqualTo(1);
        stored = deadLetters.dueForReplay(10);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("body").toString()).isEqualTo("{\"dataValues\":[]}");
        assertThat(stored.get(0).get("headers").toString()).contains("202403").doesNotContain("YWRtaW46");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void aReplayThatFailsAgainUpdatesTheSameRow(DataSource ds) {
        DeadLetters deadLetters = new DeadLetters(ds);
        deadLetters.record(failed("payload", new IllegalStateException("first")));
        long id = ((Number) deadLetters.list("", 10).get(0).get("id")).longValue();
        deadLetters.markForReplay(List.of(id));

        Exchange replay = new DefaultExchange(new DefaultCamelContext());
        replay.getMessage().setBody(deadLetters.dueForReplay(10).get(0));
        deadLetters.restore(replay);
        assertThat(replay.getMessage().getBody(String.class)).isEqualTo("payload");
        replay.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("second"));
        deadLetters.record(replay);

        List<Map<String, Object>> rows = deadLetters.list("", 10);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("status")).isEqualTo("NEW");
        assertThat((String) rows.get(0).get("reason")).contains("second");
        assertThat(((Number) rows.get(0).get("attempts")).intValue()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void aMessageWithNowhereToReplayIsNotMarkedForReplay(DataSource ds) {
        DeadLetters deadLetters = new DeadLetters(ds);
        Exchange exchange = failed("x", new IllegalStateException("boom"));
        exchange.removeProperty(DeadLetters.REPLAY_URI);
        exchange.setProperty(Exchange.FAILURE_ROUTE_ID, "no-such-route");
        deadLetters.record(exchange);
        long id = ((Number) deadLetters.list("", 10).get(0).get("id")).longValue();
        assertThat(deadLetters.markForReplay(List.of(id))).isZero();
    }
}
