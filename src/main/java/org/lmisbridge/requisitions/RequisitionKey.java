package org.lmisbridge.requisitions;

import java.time.LocalDate;

/**
 * What makes events one requisition: the facility's store and the order reference, or, when the event carries no
 * reference, the facility's store and the day the order was made.
 */
public record RequisitionKey(long customerStoreId, String orderReference, LocalDate day) {

    public static RequisitionKey of(long customerStoreId, String orderReference, LocalDate day) {
        return orderReference == null
                ? new RequisitionKey(customerStoreId, null, day)
                : new RequisitionKey(customerStoreId, orderReference, null);
    }

    public boolean byReference() {
        return orderReference != null;
    }
}
