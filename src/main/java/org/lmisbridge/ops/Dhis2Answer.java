package org.lmisbridge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A one-line summary of an error answer for a person: DHIS2's status and message and the error
 * codes it names (import conflicts, tracker error reports), or the start of a body that is not
 * DHIS2 JSON.
 */
final class Dhis2Answer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CODES = 10;

    private Dhis2Answer() {
    }

    static String summary(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            String flat = body.replaceAll("\\s+", " ").trim();
            return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat);
        }
        StringBuilder out = new StringBuilder(":");
        append(out, root.path("status").asText(""));
        append(out, root.path("message").asText(""));
        if (root.has("errorCode")) {
            append(out, root.path("errorCode").asText());
        }
        Set<String> codes = new LinkedHashSet<>();
        collect(codes, root.path("response").path("conflicts"), "errorCode", "value");
        collect(codes, root.path("conflicts"), "errorCode", "value");
        collect(codes, root.path("validationReport").path("errorReports"), "errorCode", "message");
        collect(codes, root.path("response").path("importSummaries"), "status", "description");
        String description = root.path("response").path("description").asText("");
        if (codes.isEmpty() && !description.isEmpty()) {
            append(out, "(" + description + ")");
        }
        if (!codes.isEmpty()) {
            append(out, "[" + String.join("; ", codes) + "]");
        }
        return out.length() == 1 ? "" : out.toString();
    }

    private static void collect(Set<String> into, JsonNode list, String codeField, String textField) {
        if (!list.isArray()) {
            return;
        }
        for (JsonNode item : list) {
            if (into.size() >= MAX_CODES) {
                into.add("…");
                return;
            }
            String code = item.path(codeField).asText("");
            String text = item.path(textField).asText("");
            into.add((code + " " + text).trim());
        }
    }

    private static void append(StringBuilder out, String part) {
        if (!part.isEmpty()) {
            out.append(' ').append(part);
        }
    }
}
