package org.lmisbridge.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.testsupport.TestDatabases;

class DemoDataGeneratorTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2024, 3, 31);
    private static final DemoSize SMALL = new DemoSize(8, 12, 20, 150, 7L);

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void generatesTheRequestedCounts(DataSource ds) throws SQLException {
        DemoDataGenerator.Summary summary = DemoDataGenerator.generate(ds, SMALL, LAST_DAY);
        assertEquals(8, summary.stores());
        assertEquals(12, summary.items());
        assertEquals(20L * 150, summary.transactions());
        assertEquals(8, count(ds, "SELECT COUNT(*) FROM store"));
        assertEquals(12, count(ds, "SELECT COUNT(*) FROM item"));
        assertEquals(3000, count(ds, "SELECT COUNT(*) FROM stock_transaction"));
        assertEquals(20, count(ds, "SELECT COUNT(DISTINCT tx_date) FROM stock_transaction"));
        assertEquals(150, count(ds, "SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM stock_transaction"
                + " GROUP BY tx_date) t"));
        assertEquals(LAST_DAY.toString(), string(ds, "SELECT CAST(MAX(tx_date) AS VARCHAR(10)) FROM stock_transaction"));
        assertEquals(summary.batches(), count(ds, "SELECT COUNT(*) FROM stock_batch"));
        assertTrue(count(ds, "SELECT COUNT(*) FROM item WHERE include_in_dhis2 = FALSE") > 0, "a few not for DHIS2");
        assertTrue(count(ds, "SELECT COUNT(*) FROM item WHERE include_in_dhis2 = TRUE") >= 10, "most for DHIS2");
        assertTrue(count(ds, "SELECT COUNT(*) FROM stock_transaction WHERE entered_at < CAST(tx_date AS TIMESTAMP)"
                + " OR entered_at >= CAST(tx_date AS TIMESTAMP) + INTERVAL '1' DAY") == 0, "entered on the day");
        for (String type : List.of("ARRIVAL", "REQUISITION_RECEIVED", "DISTRIBUTION", "RETURN_IN", "RETURN_OUT",
                "ADJUSTMENT", "DISPENSING", "WASTAGE")) {
            assertTrue(count(ds, "SELECT COUNT(*) FROM stock_transaction WHERE tx_type = '" + type + "'") > 0,
                    "some " + type);
        }
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void storesFormACentralDistrictFacilityHierarchyMappedToOrgUnits(DataSource ds) throws SQLException {
        DemoDataGenerator.generate(ds, SMALL, LAST_DAY);
        Map<String, String> parentOf = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.code, p.code, s.is_central, s.org_unit_code, s.org_unit_uid"
                     + " FROM store s LEFT JOIN store p ON p.id = s.supplying_store_id ORDER BY s.id")) {
            while (rs.next()) {
                String code = rs.getString(1);
                parentOf.put(code, rs.getString(2));
                assertEquals(code.equals("NAT"), rs.getBoolean(3), code + " is_central");
                assertEquals(code, rs.getString(4));
                assertEquals(DemoUids.uid("ou", code), rs.getString(5));
                assertTrue(DemoUids.isValid(rs.getString(5)), rs.getString(5));
            }
        }
        assertNull(parentOf.get("NAT"));
        assertEquals("NAT", parentOf.get("DIST_A"));
        assertEquals("NAT", parentOf.get("DIST_B"));
        assertEquals("DIST_A", parentOf.get("FAC_001"));
        assertEquals("DIST_A", parentOf.get("FAC_002"));
        assertEquals("DIST_B", parentOf.get("FAC_003"));
        assertEquals("DIST_B", parentOf.get("FAC_005"));
        assertEquals(8, parentOf.size());
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void balanceAfterIsTheRunningSumOfSignedQuantitiesAndNeverNegative(DataSource ds) throws SQLException {
        DemoDataGenerator.generate(ds, SMALL, LAST_DAY);
        Map<String, Long> running = new HashMap<>();
        int checked = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t.store_id, t.item_id, t.quantity * tt.stock_sign, t.balance_after"
                     + " FROM stock_transaction t JOIN transaction_type tt ON tt.code = t.tx_type"
                     + " ORDER BY t.id")) {
            while (rs.next()) {
                String pair = rs.getLong(1) + "/" + rs.getLong(2);
                long balance = running.merge(pair, rs.getLong(3), Long::sum);
                assertEquals(balance, rs.getLong(4), "balance_after of pair " + pair);
                assertTrue(balance >= 0);
                checked++;
            }
        }
        assertEquals(3000, checked);
        // the ledger's final balance per pair equals SUM(sign * quantity), and the batches hold exactly that stock
        String sql = "SELECT t.store_id, t.item_id, SUM(t.quantity * tt.stock_sign),"
                + " (SELECT COALESCE(SUM(b.quantity_on_hand), 0) FROM stock_batch b"
                + "   WHERE b.store_id = t.store_id AND b.item_id = t.item_id)"
                + " FROM stock_transaction t JOIN transaction_type tt ON tt.code = t.tx_type"
                + " GROUP BY t.store_id, t.item_id";
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String pair = rs.getLong(1) + "/" + rs.getLong(2);
                assertEquals(running.get(pair), rs.getLong(3), pair);
                assertEquals(rs.getLong(3), rs.getLong(4), "batches of " + pair);
            }
        }
    }

    @Test
    void batchesIncludeExpiredAndSoonExpiringStock() throws SQLException {
        DataSource ds = TestDatabases.h2("batches");
        DemoDataGenerator.generate(ds, SMALL, LAST_DAY);
        assertTrue(count(ds, "SELECT COUNT(*) FROM stock_batch WHERE expiry_date < DATE '2024-03-31'") > 0);
        assertTrue(count(ds, "SELECT COUNT(*) FROM stock_batch WHERE expiry_date > DATE '2024-03-31'"
                + " AND expiry_date <= DATE '2024-06-29'") > 0);
        assertTrue(count(ds, "SELECT COUNT(*) FROM stock_batch WHERE expiry_date > DATE '2024-06-29'") > 0);
    }

    @Test
    void sameSeedGivesTheSameLedgerAndAnotherSeedDoesNot() throws SQLException {
        List<String> a = ledger(generated(7L));
        List<String> b = ledger(generated(7L));
        List<String> c = ledger(generated(8L));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void refusesToGenerateIntoADatabaseThatAlreadyHasStores() {
        DataSource ds = TestDatabases.h2("twice");
        DemoDataGenerator.generate(ds, SMALL, LAST_DAY);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> DemoDataGenerator.generate(ds, SMALL, LAST_DAY));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void defaultSizeMatchesTheSampleHierarchy() {
        List<String> codes = DemoCatalog.stores(DemoSize.DEFAULT).stream().map(DemoCatalog.DemoStore::code).toList();
        assertEquals(List.of("NAT", "DIST_A", "DIST_B", "FAC_001", "FAC_002", "FAC_003", "FAC_004", "FAC_005"), codes);
        assertEquals("AA", DemoCatalog.letters(26));
        assertFalse(DemoCatalog.items(DemoSize.DEFAULT).get(5).includeInDhis2());
    }

    private static DataSource generated(long seed) {
        DataSource ds = TestDatabases.h2("seed" + seed);
        DemoDataGenerator.generate(ds, new DemoSize(8, 12, 10, 100, seed), LAST_DAY);
        return ds;
    }

    private static List<String> ledger(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.code, i.code, t.tx_type, t.quantity, t.tx_date, t.entered_at,"
                     + " t.balance_after, t.reference FROM stock_transaction t JOIN store s ON s.id = t.store_id"
                     + " JOIN item i ON i.id = t.item_id ORDER BY t.id")) {
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int col = 1; col <= 8; col++) {
                    sb.append(rs.getString(col)).append('|');
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
