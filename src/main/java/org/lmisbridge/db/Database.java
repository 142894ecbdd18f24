package org.lmisbridge.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens the bridge database (embedded H2 by default, PostgreSQL in production) and applies the schema migrations in
 * {@code src/main/resources/db/migration}. One set of SQL files serves both databases; H2 runs in PostgreSQL mode so
 * identifiers, NULL ordering and types behave the same.
 */
public final class Database {

    /** H2 settings the migrations and the bridge's SQL rely on; added to an H2 URL when missing. */
    static final Map<String, String> REQUIRED_H2_SETTINGS = requiredH2Settings();

    /** Flyway placeholder for unbounded text (dead-letter bodies, rejected payloads). */
    static final String LARGE_TEXT_PLACEHOLDER = "large_text";

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;])password=([^&;]*)");

    private Database() {
    }

    /**
     * Builds the connection pool and migrates the schema to the latest version.
     *
     * @throws IllegalStateException naming {@code bridge.db.url} when the database cannot be reached or migrated
     */
    public static HikariDataSource open(DatabaseSettings s) {
        String url = s.isH2() ? normalizeH2Url(s.url()) : s.url();
        String password = s.password();
        Matcher m = URL_PASSWORD.matcher(url);
        if (m.find()) {
            // keep the password out of the URL, which pools and drivers may log
            if (password == null) {
                password = m.group(2);
            }
            url = m.replaceAll("$1");
            url = url.replace("?&", "?").replace("&&", "&").replace(";;", ";").replaceAll("[?&;]$", "");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (s.username() != null) {
            config.setUsername(s.username());
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(s.maxPoolSize());
        config.setPoolName("bridge-db");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the database set in " + DatabaseSettings.URL_SETTING + "="
                    + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw new IllegalStateException("Cannot migrate the database set in " + DatabaseSettings.URL_SETTING + "="
                    + redact(url) + ": " + rootMessage(e), e);
        }
        return ds;
    }

    /** Applies pending migrations (V1 LMIS reference schema, V2 bridge tables, ...) to the given database. */
    public static void migrate(DataSource ds) {
        String largeText = isPostgres(ds) ? "TEXT" : "CHARACTER LARGE OBJECT";
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .placeholders(Map.of(LARGE_TEXT_PLACEHOLDER, largeText))
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    /** True for PostgreSQL; false for H2 (even in PostgreSQL mode). */
    public static boolean isPostgres(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the H2 settings the schema needs (PostgreSQL mode, lower-case identifiers, NULLs sort high, {@code value}
     * usable as a column name) to an H2 URL that lacks them; rejects a URL that sets them differently.
     */
    public static String normalizeH2Url(String url) {
        String[] parts = url.split(";");
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            settings.put(key, eq < 0 ? "" : parts[i].substring(eq + 1).trim());
        }
        for (Map.Entry<String, String> required : REQUIRED_H2_SETTINGS.entrySet()) {
            String key = required.getKey();
            String have = settings.get(key);
            if (have == null) {
                settings.put(key, required.getValue());
            } else if (key.equals("NON_KEYWORDS")) {
                List<String> words = new ArrayList<>(List.of(have.toUpperCase(Locale.ROOT).split(",")));
                if (!words.contains(required.getValue())) {
                    words.add(required.getValue());
                }
                words.removeIf(String::isBlank);
                settings.put(key, String.join(",", words));
            } else if (!have.equalsIgnoreCase(required.getValue())) {
                throw new IllegalArgumentException(DatabaseSettings.URL_SETTING + " sets " + key + "=" + have
                        + " but the bridge needs " + key + "=" + required.getValue() + " on H2");
            }
        }
        StringBuilder sb = new StringBuilder(parts[0]);
        settings.forEach((k, v) -> sb.append(';').append(k).append('=').append(v));
        return sb.toString();
    }

    /** The URL with any password parameter masked, for messages and logs. */
    public static String redact(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1password=****");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return redact(msg);
    }

    private static Map<String, String> requiredH2Settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MODE", "PostgreSQL");
        m.put("DATABASE_TO_LOWER", "TRUE");
        m.put("DEFAULT_NULL_ORDERING", "HIGH");
        m.put("NON_KEYWORDS", "VALUE");
        return java.util.Collections.unmodifiableMap(m);
    }
}
