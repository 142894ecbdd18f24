package org.lmisbridge.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void namedParametersBecomePositionalInOrderOfAppearance() {
        NamedSql sql = NamedSql.parse("t", "UPDATE t SET a = :alpha, b = :beta WHERE id = :alpha;");
        assertThat(sql.jdbcSql()).isEqualTo("UPDATE t SET a = ?, b = ? WHERE id = ?");
        assertThat(sql.parameters()).containsExactly("alpha", "beta", "alpha");
    }

    @Test
    void commentsStringLiteralsAndCastsAreNotParameters() {
        NamedSql sql = NamedSql.parse("t", "-- uses :nothing here\nSELECT ':no', x::text FROM t WHERE y = :yes");
        assertThat(sql.parameters()).containsExactly("yes");
        assertThat(sql.jdbcSql()).contains("':no'").contains("x::text");
    }

    @Test
    void everyShippedSqlFileParses() {
        for (String name : new String[] {"dead-letter-insert", "dead-letter-list", "dead-letter-mark-for-replay",
                "dead-letter-to-replay", "dead-letter-replayed", "dead-letter-replay-failed",
                "dhis2-connection-ensure-row", "dhis2-connection-success", "dhis2-connection-failure",
                "dhis2-connection-status"}) {
            assertThat(NamedSql.load(name).jdbcSql()).isNotBlank();
        }
    }
}
