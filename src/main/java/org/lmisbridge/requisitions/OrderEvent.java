package org.lmisbridge.requisitions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One completed event of the order program as read from {@code /api/tracker/events}: one item line of a facility's
 * order. Only what the fetch needs is kept; {@code values} maps data element UIDs to their values.
 *
 * @param updatedAt DHIS2's {@code updatedAt}, in the server's own clock (no zone), the key of the watermark
 */
public record OrderEvent(String uid, String status, String orgUnit, LocalDate occurredOn, LocalDateTime updatedAt,
                         Map<String, String> values) {

    public String value(String dataElement) {
        return dataElement == null ? null : values.get(dataElement);
    }

    /** The idempotency key of this version of the event: its UID and updatedAt. */
    public String versionKey() {
        return uid + "@" + updatedAt;
    }
}
