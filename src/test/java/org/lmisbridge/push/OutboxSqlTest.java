package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.config.Settings;
import org.lmisbridge.sql.NamedSql;

/** The push's SQL files on H2 and PostgreSQL: staging, restaging, the streamed read and the outcome updates. */
class OutboxSqlTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 5);

    private static PushSettings settings() {
        Map<String, String> p = new HashMap<>();
        p.put("bridge.production", "true");
        p.put("push.item-reference", "hmis_code");
        p.put("push.org-unit-id-scheme", "CODE");
        p.put("push.max-values-per-batch", "2");
        p.put("push.fetch-size", "10");
        p.put("push.type.daily-closing.active", "true");
        p.put("push.type.daily-closing.category-option-combo", "CLOSING");
        p.put("push.type.daily-received.active", "true");
        p.put("push.type.daily-received.category-option-combo", "RECEIVED");
        p.put("push.type.daily-received.basis", "previous-month");
        p.put("push.type.daily-received.interval", "first-day-of-month");
        p.put("push.type.stock-on-hand.active", "true");
        p.put("push.type.stock-on-hand.category-option-combo", "SOH");
        p.put("push.type.stock-on-hand.interval", "daily");
        p.put("push.type.stock-on-hand.basis", "current-day");
        return PushSettings.read(new Settings(k -> Optional.ofNullable(p.get(k))));
    }

    private static void sql(DataSource ds, String sql, Object... kv) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        NamedSql.parse("test", sql).update(ds, p);
    }

    private static List<Map<String, Object>> query(DataSource ds, String sql) {
        return NamedSql.parse("test", sql).query(ds, Map.of());
    }

    private static void summary(DataSource ds, LocalDate day, long received, long closing) {
        sql(ds, "INSERT INTO daily_summary (store_id, item_id, summary_date, arrivals, closing_balance)"
                + " SELECT s.id, i.id, :d, :r, :c FROM store s, item i WHERE s.code = 'S1' AND i.code = 'I1'",
                "d", day, "r", received, "c", closing);
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void stagingSumsAMonthAndRestagesOnlyChangedValues(DataSource ds) {
        sql(ds, "INSERT INTO store (code, name, org_unit_code) VALUES ('S1', 'S1', 'OU1')");
        sql(ds, "INSERT INTO item (code, name, hmis_code, include_in_dhis2) VALUES ('I1', 'I1', 'DE1', TRUE)");
        summary(ds, LocalDate.of(2026, 9, 1), 4, 10);
        summary(ds, LocalDate.of(2026, 9, 30), 6, 12);
        summary(ds, LocalDate.of(2026, 10, 1), 0, 12);
        sql(ds, "INSERT INTO stock_indicator (store_id, item_id, period, indicator, indicator_value)"
                + " SELECT s.id, i.id, '20261001', 'STOCK_ON_HAND', 12.5000 FROM store s, item i");
        OutboxStaging staging = new OutboxStaging(ds, settings().mapping());

        OutboxStaging.Staged first = staging.stage(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1));

        assertThat(first).isEqualTo(new OutboxStaging.Staged(3, 0, 0, 0));
        assertThat(query(ds, "SELECT category_option_combo, period, value FROM datavalue_outbox ORDER BY id"))
                .extracting(r -> r.get("category_option_combo") + " " + r.get("period") + " " + r.get("value"))
                .containsExactlyInAnyOrder("CLOSING 20261001 12", "RECEIVED 202609 10", "SOH 20261001 12.5");

        sql(ds, "UPDATE datavalue_outbox SET status = 'POSTED', posted_value = value");
        sql(ds, "UPDATE daily_summary SET arrivals = 7, restated = TRUE WHERE summary_date = :d",
                "d", LocalDate.of(2026, 9, 30));
        OutboxStaging.Staged second = staging.stage(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1));

        assertThat(second).isEqualTo(new OutboxStaging.Staged(0, 1, 2, 0));
        assertThat(query(ds, "SELECT category_option_combo, status, value, posted_value FROM datavalue_outbox"
                + " WHERE status <> 'POSTED'")).containsExactly(Map.of("category_option_combo", "RECEIVED",
                "status", "PENDING", "value", "11", "posted_value", "10"));
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void theStreamedReadBatchesAndTheOutcomesAreWrittenPerValue(DataSource ds) throws Exception {
        for (int i = 0; i < 5; i++) {
            sql(ds, "INSERT INTO datavalue_outbox (data_element, period, org_unit, value, attempts, status)"
                    + " VALUES ('DE', :p, 'OU', :v, :a, :s)", "p", "20260" + (i + 1), "v", String.valueOf(i),
                    "a", i == 4 ? 5 : i == 3 ? 4 : 0, "s", i == 2 ? "POSTED" : "PENDING");
        }
        PushSettings settings = settings();
        PushRun run = new PushRun(1, "test", DAY, DAY, false, 2);
        Map<String, Object> p = new HashMap<>();
        p.put("status1", "PENDING");
        p.put("status2", "FAILED");
        p.put("status3", "DRY_RUN");
        p.put("maxAttempts", 5);
        List<Batch> batches = new ArrayList<>();
        try (OutboxBatches it = new OutboxBatches(ds, NamedSql.load("push-outbox-to-send"), p, run,
                new DataValuePayload(""), 2, 1_000_000, 10)) {
            while (it.hasNext()) {
                batches.add(it.next());
                run.inFlight().release();
            }
        }
        assertThat(batches).extracting(b -> b.rows().size()).containsExactly(2, 1);
        List<OutboxRow> rows = new ArrayList<>(batches.get(0).rows());
        rows.addAll(batches.get(1).rows());
        assertThat(rows).extracting(OutboxRow::value).containsExactly("0", "1", "3");

        OutboxUpdates updates = new OutboxUpdates(ds);
        assertThat(updates.posted(List.of(rows.get(0)), java.time.Instant.now())).isEqualTo(1);
        assertThat(updates.posted(List.of(rows.get(1)), java.time.Instant.now().minusSeconds(3600)))
                .as("a value restaged after the read is not marked posted").isZero();
        assertThat(updates.failed(List.of(new OutboxUpdates.Outcome(rows.get(1), "E7610", "no such element"),
                new OutboxUpdates.Outcome(rows.get(2), "HTTP503", "unavailable")), settings.maxAttempts())).isEqualTo(2);
        assertThat(query(ds, "SELECT value, status, attempts, error_code FROM datavalue_outbox ORDER BY id"))
                .extracting(r -> r.get("value") + " " + r.get("status") + " " + r.get("attempts") + " " + r.get("error_code"))
                .containsExactly("0 POSTED 0 null", "1 FAILED 1 E7610", "2 POSTED 0 null", "3 DEAD 5 HTTP503",
                        "4 PENDING 5 null");
        assertThat(updates.dryRun(List.of(new OutboxUpdates.Outcome(rows.get(1), null, null)))).isEqualTo(1);
        assertThat(query(ds, "SELECT status, attempts, last_error FROM datavalue_outbox WHERE value = '1'"))
                .extracting(r -> r.get("status") + " " + r.get("attempts") + " " + r.get("last_error"))
                .containsExactly("DRY_RUN 1 null");
    }
}
