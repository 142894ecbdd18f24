package org.lmisbridge.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a DHIS2 metadata list ({@code /api/organisationUnits}, {@code /api/users}): its pager and
 * its objects, turned into the column values of the staging tables. The answer shape is the same on
 * 2.39 to 2.42: {@code {pager:{page,pageCount,total,pageSize}, organisationUnits|users:[...]}}.
 */
public record Dhis2Page(int page, int pageCount, int total, List<Map<String, Object>> rows,
                        List<Map<String, Object>> userOrgUnits) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static JsonNode read(InputStream body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("DHIS2 answered something that is not JSON", e);
        }
    }

    public static Dhis2Page orgUnits(JsonNode answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode ou : list(answer, "organisationUnits")) {
            Map<String, Object> row = new HashMap<>();
            row.put("uid", required(ou, "id"));
            row.put("code", text(ou, "code"));
            row.put("name", required(ou, "name"));
            row.put("level", ou.hasNonNull("level") ? ou.get("level").asInt() : null);
            row.put("path", text(ou, "path"));
            row.put("parentUid", ou.path("parent").hasNonNull("id") ? ou.path("parent").get("id").asText() : null);
            row.put("openingDate", date(text(ou, "openingDate")));
            row.put("closedDate", date(text(ou, "closedDate")));
            row.put("lastUpdated", timestamp(text(ou, "lastUpdated")));
            rows.add(row);
        }
        return of(answer, rows, List.of());
    }

    public static Dhis2Page users(JsonNode answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (JsonNode u : list(answer, "users")) {
            String uid = required(u, "id");
            Map<String, Object> row = new HashMap<>();
            row.put("uid", uid);
            row.put("username", username(u));
            row.put("firstName", text(u, "firstName"));
            row.put("surname", text(u, "surname"));
            row.put("email", text(u, "email"));
            row.put("phoneNumber", text(u, "phoneNumber"));
            row.put("disabled", disabled(u));
            rows.add(row);
            for (JsonNode ou : u.path("organisationUnits")) {
                if (ou.hasNonNull("id")) {
                    assignments.add(Map.of("userUid", uid, "orgUnitUid", ou.get("id").asText()));
                }
            }
        }
        return of(answer, rows, assignments);
    }

    private static Dhis2Page of(JsonNode answer, List<Map<String, Object>> rows, List<Map<String, Object>> more) {
        JsonNode pager = answer.path("pager");
        int page = pager.path("page").asInt(1);
        int pageCount = pager.path("pageCount").asInt(1);
        int total = pager.path("total").asInt(rows.size());
        return new Dhis2Page(page, pageCount, total, rows, more);
    }

    private static JsonNode list(JsonNode answer, String key) {
        JsonNode list = answer.get(key);
        if (list == null || !list.isArray()) {
            throw new IllegalStateException("DHIS2 answered without a " + key + " list");
        }
        return list;
    }

    /** The username is top level on 2.39+; older answers nest it in userCredentials. */
    private static String username(JsonNode u) {
        String name = text(u, "username");
        if (name == null) {
            name = text(u.path("userCredentials"), "username");
        }
        if (name == null) {
            throw new IllegalStateException("DHIS2 user " + u.path("id").asText() + " has no username");
        }
        return name;
    }

    private static boolean disabled(JsonNode u) {
        if (u.has("disabled")) {
            return u.get("disabled").asBoolean();
        }
        return u.path("userCredentials").path("disabled").asBoolean(false);
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalStateException("DHIS2 object without " + field + ": " + n);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** DHIS2 dates come as {@code 2024-03-15T00:00:00.000}; the day is what counts. */
    static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value.substring(0, 10));
    }

    static Timestamp timestamp(String value) {
        if (value == null) {
            return null;
        }
        String v = value.length() > 19 ? value.substring(0, 19) : value;
        return Timestamp.valueOf(LocalDateTime.parse(v));
    }
}
