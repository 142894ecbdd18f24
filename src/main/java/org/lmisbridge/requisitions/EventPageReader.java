package org.lmisbridge.requisitions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one answer of {@code GET /api/tracker/events} as a stream, event by event, in every shape DHIS2 2.39-2.42
 * gives: 2.39/2.40 {@code {page, pageSize, total?, pageCount?, instances}}, 2.41 {@code pager} plus the flat fields and
 * {@code events}, 2.42 {@code {pager:{page, pageSize, total?, pageCount?, nextPage?}, events}}. No tree of the whole
 * answer is built; only the fields the fetch uses are kept.
 *
 * <p>Whether another page follows: the page count when DHIS2 gave one, else a {@code nextPage} link, else a full page
 * (which costs at most one empty request at the end).
 */
public final class EventPageReader {

    private static final JsonFactory JSON = new JsonFactory();

    private EventPageReader() {
    }

    public static EventPage read(InputStream in, int requestedPageSize) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("The events answer is not a JSON object");
            }
            Paging paging = new Paging();
            List<OrderEvent> events = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "events", "instances" -> readEvents(p, events);
                    case "pager" -> readPaging(p, paging);
                    case "page", "pageSize", "pageCount", "total", "nextPage" -> paging.accept(field, p);
                    default -> p.skipChildren();
                }
            }
            int pageSize = paging.pageSize != null ? paging.pageSize : requestedPageSize;
            int page = paging.page != null ? paging.page : 1;
            boolean more;
            if (paging.pageCount != null) {
                more = page < paging.pageCount;
            } else if (paging.nextPage) {
                more = true;
            } else {
                more = !events.isEmpty() && events.size() >= pageSize;
            }
            return new EventPage(page, events, more);
        }
    }

    private static void readPaging(JsonParser p, Paging paging) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            paging.accept(field, p);
        }
    }

    private static void readEvents(JsonParser p, List<OrderEvent> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(readEvent(p));
        }
    }

    private static OrderEvent readEvent(JsonParser p) throws IOException {
        String uid = null;
        String status = null;
        String orgUnit = null;
        String occurredAt = null;
        String updatedAt = null;
        Map<String, String> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "event" -> uid = p.getValueAsString();
                case "status" -> status = p.getValueAsString();
                case "orgUnit" -> orgUnit = p.getValueAsString();
                case "occurredAt" -> occurredAt = p.getValueAsString();
                case "updatedAt" -> updatedAt = p.getValueAsString();
                case "dataValues" -> readValues(p, values);
                default -> {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
        }
        if (uid == null || updatedAt == null) {
            throw new IOException("An event without 'event' or 'updatedAt' in the answer: ask for fields event,updatedAt");
        }
        LocalDateTime updated = timestamp(updatedAt);
        LocalDate occurred = occurredAt == null ? updated.toLocalDate() : timestamp(occurredAt).toLocalDate();
        return new OrderEvent(uid, status, orgUnit, occurred, updated, values);
    }

    private static void readValues(JsonParser p, Map<String, String> values) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String dataElement = null;
            String value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("dataElement")) {
                    dataElement = p.getValueAsString();
                } else if (field.equals("value")) {
                    value = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
            if (dataElement != null) {
                values.put(dataElement, value);
            }
        }
    }

    /** DHIS2 tracker timestamps: {@code 2026-11-22T04:03:31.633}, a plain date, or (rarely) with an offset. */
    static LocalDateTime timestamp(String s) {
        String t = s.trim();
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay();
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toLocalDateTime();
        }
        return LocalDateTime.parse(t.replace(' ', 'T'));
    }

    private static final class Paging {
        Integer page;
        Integer pageSize;
        Integer pageCount;
        boolean nextPage;

        void accept(String field, JsonParser p) throws IOException {
            switch (field) {
                case "page" -> page = p.getValueAsInt();
                case "pageSize" -> pageSize = p.getValueAsInt();
                case "pageCount" -> pageCount = p.getValueAsInt();
                case "nextPage" -> nextPage = p.currentToken() == JsonToken.VALUE_STRING;
                default -> p.skipChildren();
            }
        }
    }
}
