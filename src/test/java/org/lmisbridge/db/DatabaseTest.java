package org.lmisbridge.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.lmisbridge.testsupport.TestDatabases;

class DatabaseTest {

    @Test
    void openMigratesAnH2DatabaseGivenTheDefaultStyleUrl() throws Exception {
        try (HikariDataSource ds = Database.open(new DatabaseSettings(
                "jdbc:h2:mem:open_test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", null, null, 3))) {
            assertEquals(3, ds.getMaximumPoolSize());
            assertTrue(ds.getJdbcUrl().contains("NON_KEYWORDS=VALUE"), ds.getJdbcUrl());
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO watermark (name, value) VALUES ('requisition-fetch', CURRENT_TIMESTAMP)");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM transaction_type")) {
                    rs.next();
                    assertEquals(8, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void openMigratesPostgresAndKeepsThePasswordOutOfTheUrl() throws Exception {
        String url = TestDatabases.postgresUrl() + "&password=s3cret";
        try (HikariDataSource ds = Database.open(new DatabaseSettings(url, null, null, 2))) {
            assertFalse(ds.getJdbcUrl().contains("s3cret"), ds.getJdbcUrl());
            assertTrue(Database.isPostgres(ds));
        }
    }

    @Test
    void aBadUrlFailsNamingTheSetting() {
        IllegalArgumentException notJdbc = assertThrows(IllegalArgumentException.class,
                () -> new DatabaseSettings("postgres://db/bridge", "u", "p", 5));
        assertTrue(notJdbc.getMessage().startsWith("bridge.db.url"), notJdbc.getMessage());
        IllegalStateException unreachable = assertThrows(IllegalStateException.class,
                () -> Database.open(new DatabaseSettings(
                        "jdbc:postgresql://127.0.0.1:1/bridge?connectTimeout=2&password=hunter2", "u", null, 1)));
        assertTrue(unreachable.getMessage().contains("bridge.db.url"), unreachable.getMessage());
        assertFalse(unreachable.getMessage().contains("hunter2"), unreachable.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", null, null, 0));
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://db/bridge", "bridge", "hunter2", 10);
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertEquals("jdbc:postgresql://db/bridge?user=x&password=****",
                Database.redact("jdbc:postgresql://db/bridge?user=x&password=hunter2"));
    }

    @Test
    void h2UrlsGetTheSettingsTheSchemaNeedsAndConflictingOnesAreRejected() {
        assertEquals("jdbc:h2:file:./data/bridge;AUTO_SERVER=FALSE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE",
                Database.normalizeH2Url("jdbc:h2:file:./data/bridge;AUTO_SERVER=FALSE"));
        assertTrue(Database.normalizeH2Url(DatabaseSettings.DEFAULT_H2_URL).endsWith(";NON_KEYWORDS=VALUE"));
        assertTrue(Database.normalizeH2Url("jdbc:h2:mem:x;NON_KEYWORDS=KEY").contains("NON_KEYWORDS=KEY,VALUE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.normalizeH2Url("jdbc:h2:mem:x;MODE=MySQL"));
        assertTrue(e.getMessage().contains("bridge.db.url"), e.getMessage());
    }
}
