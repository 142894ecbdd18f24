package org.lmisbridge.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One SQL statement kept in a file under {@code src/main/resources/sql/}, named for what it does,
 * with {@code :name} parameters. The file is what an integrator reads and adapts; Java only binds
 * values, it never assembles SQL from input.
 */
public final class NamedSql {

    private final String name;
    private final String jdbcSql;
    private final List<String> parameters;

    private NamedSql(String name, String jdbcSql, List<String> parameters) {
        this.name = name;
        this.jdbcSql = jdbcSql;
        this.parameters = parameters;
    }

    public static NamedSql load(String name) {
        String path = "sql/" + name + ".sql";
        try (InputStream in = NamedSql.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL file not found on the classpath: " + path);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NamedSql parse(String name, String text) {
        StringBuilder sql = new StringBuilder();
        List<String> params = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inString && c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                sql.append('\n');
                continue;
            }
            if (c == '\'') {
                inString = !inString;
            }
            if (!inString && c == ':' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':')) {
                int j = i + 1;
                while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                params.add(text.substring(i + 1, j));
                sql.append('?');
                i = j - 1;
                continue;
            }
            sql.append(c);
        }
        String trimmed = sql.toString().trim();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return new NamedSql(name, trimmed, List.copyOf(params));
    }

    public int update(DataSource ds, Map<String, ?> values) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, values)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs inside the caller's transaction, on its connection. */
    public int update(Connection c, Map<String, ?> values) {
        try (PreparedStatement ps = prepare(c, values)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    public List<Map<String, Object>> query(DataSource ds, Map<String, ?> values) {
        try (Connection c = ds.getConnection()) {
            return query(c, values);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs inside the caller's transaction, on its connection. */
    public List<Map<String, Object>> query(Connection c, Map<String, ?> values) {
        try (PreparedStatement ps = prepare(c, values); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs an INSERT and answers the generated {@code id} column. */
    public long insertReturningId(DataSource ds, Map<String, ?> values) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = bind(c.prepareStatement(jdbcSql, new String[] {"id"}), values)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("SQL " + name + " generated no id");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        return bind(c.prepareStatement(jdbcSql), values);
    }

    private PreparedStatement bind(PreparedStatement ps, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            String p = parameters.get(i);
            if (!values.containsKey(p)) {
                ps.close();
                throw new IllegalArgumentException("SQL " + name + " needs a value for :" + p);
            }
            Object v = values.get(p);
            ps.setObject(i + 1, v instanceof Instant instant ? Timestamp.from(instant) : v);
        }
        return ps;
    }

    public String name() {
        return name;
    }

    public List<String> parameters() {
        return parameters;
    }

    public String jdbcSql() {
        return jdbcSql;
    }
}
