package org.lmisbridge.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.testsupport.TestDatabases;

class MigrationsTest {

    private static final List<String> EXPECTED_TABLES = List.of(
            "camel_messageprocessed", "consignment_receipt", "daily_summary", "datavalue_outbox", "dead_letter",
            "dhis2_connection", "dhis2_user", "dhis2_user_org_unit", "dhis2_user_org_unit_staging",
            "dhis2_user_staging", "eod_indicator_work", "eod_opening", "eod_run", "eod_store_depth",
            "eod_summary_work", "flow_run", "item", "lmis_account", "not_mapped", "operator_action", "org_unit",
            "org_unit_staging",
            "org_unit_supplier", "rejected_input", "requisition", "requisition_line", "rts_transaction", "shipment",
            "shipment_line", "stock_batch", "stock_indicator", "stock_transaction", "store", "store_org_unit",
            "transaction_type", "unmapped_store", "watermark");

    @Test
    void migrationsProduceTheSameTablesAndColumnsOnH2AndPostgres() throws SQLException {
        Map<String, String> h2 = columns(TestDatabases.h2("same-columns"));
        Map<String, String> pg = columns(TestDatabases.postgres());
        assertEquals(pg.keySet(), h2.keySet(), "table.column names");
        assertEquals(pg, h2, "table.column -> type family and nullability");
        assertEquals(EXPECTED_TABLES, h2.keySet().stream().map(k -> k.substring(0, k.indexOf('.')))
                .distinct().toList());
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#bothUnmigrated")
    void migratingTwiceIsHarmlessAndRecordsBothVersions(DataSource ds) throws SQLException {
        Database.migrate(ds);
        Database.migrate(ds);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            assertTrue(rs.next());
            assertEquals("1", rs.getString(1));
            assertTrue(rs.getBoolean(2));
            assertTrue(rs.next());
            assertEquals("2", rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void transactionTypesSayWhichSummaryColumnTheyFeed(DataSource ds) throws SQLException {
        Map<String, String> feeds = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, stock_sign, summary_column FROM transaction_type")) {
            while (rs.next()) {
                feeds.put(rs.getString(1), rs.getInt(2) + ":" + rs.getString(3));
            }
        }
        assertEquals(Map.of(
                "ARRIVAL", "1:arrivals",
                "REQUISITION_RECEIVED", "0:requisitions_received",
                "DISTRIBUTION", "-1:distributions_out",
                "RETURN_IN", "1:returns_in",
                "RETURN_OUT", "-1:returns_out",
                "ADJUSTMENT", "1:adjustments",
                "DISPENSING", "-1:dispensing",
                "WASTAGE", "-1:wastage"), feeds);
        // every summary_column names a real daily_summary column
        for (String v : feeds.values()) {
            String column = v.substring(v.indexOf(':') + 1);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.executeQuery("SELECT " + column + " FROM daily_summary WHERE 1 = 0").close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void largeTextColumnsHoldMoreThanAMegabyte(DataSource ds) throws SQLException {
        String body = "x".repeat(3 * 1024 * 1024);
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("INSERT INTO dead_letter (route_id, body, headers) VALUES (?, ?, ?)")) {
            ps.setString(1, "datavalue-push");
            ps.setString(2, body);
            ps.setString(3, "{\"CamelHttpResponseCode\":409}");
            ps.executeUpdate();
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT body, status, attempts FROM dead_letter")) {
            assertTrue(rs.next());
            assertEquals(body.length(), rs.getString(1).length());
            assertEquals("NEW", rs.getString(2));
            assertEquals(0, rs.getInt(3));
        }
    }

    @Test
    void isPostgresTellsTheDatabasesApart() {
        assertFalse(Database.isPostgres(TestDatabases.h2("is-postgres")));
        assertTrue(Database.isPostgres(TestDatabases.postgres()));
    }

    /** table.column -> a type family and nullability, comparable across H2 and PostgreSQL. */
    static Map<String, String> columns(DataSource ds) throws SQLException {
        Map<String, String> cols = new TreeMap<>();
        String sql = "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'";
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                cols.put(rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase(),
                        family(rs.getString(3)) + (rs.getString(4).equalsIgnoreCase("YES") ? " null" : " not null"));
            }
        }
        return cols;
    }

    private static String family(String dataType) {
        String t = dataType.toLowerCase();
        if (t.startsWith("timestamp")) {
            return "timestamp";
        }
        if (t.equals("text") || t.contains("large object") || t.equals("clob")) {
            return "large text";
        }
        return switch (t) {
            case "character varying", "varchar" -> "varchar";
            case "bigint", "integer", "smallint", "date", "boolean" -> t;
            default -> t;
        };
    }
}
