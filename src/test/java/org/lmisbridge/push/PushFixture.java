package org.lmisbridge.push;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.lmisbridge.sql.NamedSql;
import org.lmisbridge.testsupport.BridgeHarness;

/** Hand-built LMIS rows for the push tests: stores, items, daily summaries and indicators, written directly. */
final class PushFixture {

    private final BridgeHarness bridge;

    PushFixture(BridgeHarness bridge) {
        this.bridge = bridge;
    }

    private DataSource ds() {
        return bridge.dataSource();
    }

    void update(String sql, Map<String, ?> params) {
        NamedSql.parse("fixture", sql).update(ds(), params);
    }

    void clear() {
        for (String t : List.of("datavalue_outbox", "daily_summary", "stock_indicator", "not_mapped", "dead_letter",
                "flow_run", "item", "store")) {
            update("DELETE FROM " + t, Map.of());
        }
    }

    long store(String code, String orgUnitCode, String orgUnitUid) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("ouCode", orgUnitCode);
        p.put("ouUid", orgUnitUid);
        update("INSERT INTO store (code, name, org_unit_code, org_unit_uid) VALUES (:code, :code, :ouCode, :ouUid)", p);
        return id("store", code);
    }

    long item(String code, boolean include, String universal, String hmis, String cf1, String cf2) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("include", include);
        p.put("universal", universal);
        p.put("hmis", hmis);
        p.put("cf1", cf1);
        p.put("cf2", cf2);
        update("INSERT INTO item (code, name, universal_code, hmis_code, custom_field_1, custom_field_2, include_in_dhis2)"
                + " VALUES (:code, :code, :universal, :hmis, :cf1, :cf2, :include)", p);
        return id("item", code);
    }

    /** A day's summary: opening, received (arrivals), closing. */
    void summary(long store, long item, LocalDate day, long opening, long received, long closing) {
        update("INSERT INTO daily_summary (store_id, item_id, summary_date, opening_balance, arrivals, closing_balance)"
                + " VALUES (:s, :i, :d, :o, :r, :c)", Map.of("s", store, "i", item, "d", day, "o", opening,
                "r", received, "c", closing));
    }

    /** A backdated entry restated the day: new closing, restated = true, a new computed_at. */
    void restate(long store, long item, LocalDate day, long closing) {
        update("UPDATE daily_summary SET closing_balance = :c, restated = TRUE, computed_at = CURRENT_TIMESTAMP"
                + " WHERE store_id = :s AND item_id = :i AND summary_date = :d", Map.of("s", store, "i", item,
                "d", day, "c", closing));
    }

    void indicator(long store, long item, String period, String indicator, String value) {
        update("INSERT INTO stock_indicator (store_id, item_id, period, indicator, indicator_value)"
                + " VALUES (:s, :i, :p, :n, CAST(:v AS NUMERIC(20,4)))", Map.of("s", store, "i", item, "p", period,
                "n", indicator, "v", value));
    }

    /** Values straight into the outbox (for the sending tests), PENDING. */
    void outbox(String dataElement, String period, String orgUnit, String combo, String value, String comment) {
        Map<String, Object> p = new HashMap<>();
        p.put("de", dataElement);
        p.put("pe", period);
        p.put("ou", orgUnit);
        p.put("coc", combo);
        p.put("v", value);
        p.put("c", comment);
        update("INSERT INTO datavalue_outbox (data_element, period, org_unit, category_option_combo, value, comment)"
                + " VALUES (:de, :pe, :ou, :coc, :v, :c)", p);
    }

    private long id(String table, String code) {
        return ((Number) bridge.query("SELECT id FROM " + table + " WHERE code = '" + code + "'").get(0).get("id"))
                .longValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> run(String from, String to) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("pushFrom", from);
        headers.put("pushTo", to);
        return bridge.producer().requestBodyAndHeaders("direct:datavalue-push-run", null, headers, Map.class);
    }

    List<Map<String, Object>> outboxRows() {
        return bridge.query("SELECT * FROM datavalue_outbox ORDER BY id");
    }

    long count(String sql) {
        return ((Number) bridge.query(sql).get(0).values().iterator().next()).longValue();
    }
}
