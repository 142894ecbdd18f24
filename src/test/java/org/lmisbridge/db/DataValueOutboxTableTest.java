package org.lmisbridge.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataValueOutboxTableTest {

    private static final String INSERT = "INSERT INTO datavalue_outbox"
            + " (data_element, period, org_unit, category_option_combo, attribute_option_combo, value)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void uniqueKeyRejectsADuplicateValueKey(DataSource ds) throws SQLException {
        insert(ds, "SOH_AMOX", "202403", "FAC_001", "RECEIVED", "", "10");
        SQLException e = assertThrows(SQLException.class,
                () -> insert(ds, "SOH_AMOX", "202403", "FAC_001", "RECEIVED", "", "11"));
        assertEquals("23505", e.getSQLState(), "unique violation: " + e.getMessage());
        insert(ds, "SOH_AMOX", "202403", "FAC_001", "OPENING_BALANCE", "", "5"); // another combo is another key
        assertEquals(2, count(ds));
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void absentCombosAreEmptyStringsAndCompareEqual(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO datavalue_outbox (data_element, period, org_unit, value)"
                    + " VALUES ('SOH_PARA', '20240315', 'FAC_002', '7')");
        }
        SQLException e = assertThrows(SQLException.class,
                () -> insert(ds, "SOH_PARA", "20240315", "FAC_002", "", "", "8"));
        assertEquals("23505", e.getSQLState());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT category_option_combo, attribute_option_combo, status, attempts"
                     + " FROM datavalue_outbox")) {
            rs.next();
            assertEquals("", rs.getString(1));
            assertEquals("", rs.getString(2));
            assertEquals("PENDING", rs.getString(3));
            assertEquals(0, rs.getInt(4));
        }
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void statusOutsideTheKnownOnesIsRejected(DataSource ds) throws SQLException {
        insert(ds, "SOH_AMOX", "202403", "FAC_001", "", "", "10");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE datavalue_outbox SET status = 'DRY_RUN'");
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE datavalue_outbox SET status = 'SENT'"));
        }
    }

    private static void insert(DataSource ds, String de, String pe, String ou, String coc, String aoc, String value)
            throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, de);
            ps.setString(2, pe);
            ps.setString(3, ou);
            ps.setString(4, coc);
            ps.setString(5, aoc);
            ps.setString(6, value);
            ps.executeUpdate();
        }
    }

    private static int count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM datavalue_outbox")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
