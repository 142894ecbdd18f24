package org.lmisbridge.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdempotentRepositoryTableTest {

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void camelsJdbcMessageIdRepositoryUsesTheMigratedTableAsIs(DataSource ds) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            JdbcMessageIdRepository repo = new JdbcMessageIdRepository(ds, "requisition-fetch");
            repo.setCreateTableIfNotExists(false);
            repo.start();

            assertTrue(repo.add("BuoDX40na3Y"), "first add of an event UID");
            assertFalse(repo.add("BuoDX40na3Y"), "second add of the same UID");
            assertTrue(repo.contains("BuoDX40na3Y"));
            assertFalse(repo.contains("EymDmDMcHZM"));

            JdbcMessageIdRepository other = new JdbcMessageIdRepository(ds, "consignment-ack");
            other.setCreateTableIfNotExists(false);
            other.start();
            assertTrue(other.add("BuoDX40na3Y"), "same id under another processor name is separate");

            assertTrue(repo.remove("BuoDX40na3Y"));
            assertFalse(repo.contains("BuoDX40na3Y"));
            repo.stop();
            other.stop();
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT processorname, messageid, createdat FROM camel_messageprocessed")) {
            assertTrue(rs.next());
            assertEquals("consignment-ack", rs.getString(1));
            assertEquals("BuoDX40na3Y", rs.getString(2));
            assertTrue(rs.getTimestamp(3) != null);
            assertFalse(rs.next());
        }
    }
}
