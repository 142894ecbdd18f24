package org.lmisbridge.requisitions;

import java.time.LocalDate;

/**
 * An order event that passed every check, ready to become a requisition line.
 *
 * @param requestedOn the day the facility made the order (the event's occurredAt)
 */
public record OrderLine(OrderEvent event, RequisitionKey key, long supplyingStoreId, long itemId,
                        long requestedQuantity, Long stockOnHandReported, LocalDate requestedOn) {
}
