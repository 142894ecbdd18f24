package org.lmisbridge.consignments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * A COMPLETED event of the receipt program, as read from {@code /api/tracker/events}: who confirmed which
 * consignment, when (the event's occurredAt, the date the facility gave the receipt; completedAt when it has none),
 * and optionally the quantity received of one item.
 */
public record ReceiptEvent(String uid, String orgUnit, LocalDateTime receivedAt, LocalDateTime updatedAt,
                           String consignmentNumber, String itemCode, String receivedQuantity, String json) {

    public static ReceiptEvent parse(JsonNode e, ConsignmentSettings settings) {
        String consignment = null;
        String item = null;
        String quantity = null;
        for (JsonNode dv : e.path("dataValues")) {
            String de = dv.path("dataElement").asText();
            String value = dv.path("value").isMissingNode() || dv.path("value").isNull() ? null : dv.path("value").asText().trim();
            if (de.equals(settings.consignmentNumberElement())) {
                consignment = value;
            } else if (settings.itemCodeElement().filter(de::equals).isPresent()) {
                item = value;
            } else if (settings.receivedQuantityElement().filter(de::equals).isPresent()) {
                quantity = value;
            }
        }
        LocalDateTime completed = time(e.path("completedAt").asText(null));
        LocalDateTime occurred = time(e.path("occurredAt").asText(null));
        return new ReceiptEvent(e.path("event").asText(), e.path("orgUnit").asText(null),
                occurred != null ? occurred : completed, time(e.path("updatedAt").asText(null)),
                blankToNull(consignment), blankToNull(item), blankToNull(quantity), e.toString());
    }

    /** DHIS2's tracker timestamps: {@code 2026-11-22T04:03:31.633}, a date alone, or with a zone. */
    static LocalDateTime time(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() == 10) {
            return java.time.LocalDate.parse(t).atStartOfDay();
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return java.time.OffsetDateTime.parse(t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                    .withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.parse(t.replace(' ', 'T'));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
