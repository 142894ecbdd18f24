package org.lmisbridge.requisitions;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.lmisbridge.sql.NamedSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Runs the named SQL files through Spring's {@link JdbcTemplate}, so every statement joins the transaction open on
 * the bridge's DataSource (the page transaction that Camel's JdbcMessageIdRepository joins too). A value that may
 * be null is passed as a {@link SqlParameterValue} with its SQL type, so PostgreSQL accepts the null.
 */
final class TxSql {

    private final JdbcTemplate jdbc;

    TxSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int update(NamedSql sql, Map<String, ?> values) {
        return jdbc.update(sql.jdbcSql(), args(sql, values));
    }

    long insert(NamedSql sql, Map<String, ?> values) {
        KeyHolder keys = new GeneratedKeyHolder();
        Object[] args = args(sql, values);
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(sql.jdbcSql(), new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                SqlParameterValue arg = (SqlParameterValue) args[i];
                StatementCreatorUtils.setParameterValue(ps, i + 1, arg.getSqlType(), arg.getValue());
            }
            return ps;
        }, keys);
        Map<String, Object> generated = keys.getKeys();
        return ((Number) generated.get(generated.containsKey("id") ? "id" : "ID")).longValue();
    }

    List<Map<String, Object>> query(NamedSql sql, Map<String, ?> values) {
        return jdbc.queryForList(sql.jdbcSql(), args(sql, values));
    }

    private static Object[] args(NamedSql sql, Map<String, ?> values) {
        List<String> names = sql.parameters();
        Object[] args = new Object[names.size()];
        for (int i = 0; i < args.length; i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("SQL " + sql.name() + " needs a value for :" + names.get(i));
            }
            Object v = values.get(names.get(i));
            args[i] = v instanceof SqlParameterValue typed ? typed : new SqlParameterValue(typeOf(v), v);
        }
        return args;
    }

    private static int typeOf(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return Types.BIGINT;
        }
        if (v instanceof java.time.LocalDate) {
            return Types.DATE;
        }
        if (v instanceof java.time.LocalDateTime) {
            return Types.TIMESTAMP;
        }
        return Types.VARCHAR;
    }
}
