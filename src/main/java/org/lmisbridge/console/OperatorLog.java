package org.lmisbridge.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.lmisbridge.ops.SecretMasker;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Table {@code operator_action}: who did what from the console, when, and how it ended. */
public final class OperatorLog {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final NamedSql insert = NamedSql.load("operator-action-insert");
    private final NamedSql list = NamedSql.load("operator-action-list");

    public OperatorLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(String username, String action, Map<String, ?> parameters, String outcome, String detail) {
        Map<String, Object> row = new HashMap<>();
        row.put("username", username);
        row.put("action", action);
        row.put("parameters", clip(json(parameters)));
        row.put("now", Instant.now());
        row.put("outcome", outcome);
        row.put("detail", clip(detail == null ? null : SecretMasker.mask(detail)));
        insert.update(dataSource, row);
        LOG.info("Operator {} {} {}: {}{}", username, action, row.get("parameters"), outcome,
                detail == null ? "" : " (" + row.get("detail") + ")");
    }

    public List<Map<String, Object>> latest(int limit) {
        return list.query(dataSource, Map.of("limit", limit));
    }

    private static String json(Map<String, ?> parameters) {
        try {
            return parameters == null || parameters.isEmpty() ? null : JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            return String.valueOf(parameters);
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }
}
