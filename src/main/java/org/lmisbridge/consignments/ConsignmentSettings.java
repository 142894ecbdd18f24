package org.lmisbridge.consignments;

import java.util.Optional;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;

/**
 * The {@code consignments.*} settings: the DHIS2 receipt program (mSupply's "Receipt program ID") and the Real-Time
 * Stock program with its data elements (mSupply's data elements table), checked at start-up.
 */
public record ConsignmentSettings(
        String receiptProgram, String receiptStage, String consignmentNumberElement,
        Optional<String> itemCodeElement, Optional<String> receivedQuantityElement,
        String rtsProgram, String rtsStage, String rtsTrackedEntityType, String rtsItemCodeAttribute,
        String rtsStockReceiptElement, String rtsPreviousBalanceElement, String rtsStockOnHandElement,
        int pageSize, int maxAttempts, int batchSize, boolean production) {

    public static ConsignmentSettings read(Settings s) {
        return new ConsignmentSettings(
                uid(s, "consignments.receipt-program"),
                uid(s, "consignments.receipt-stage"),
                uid(s, "consignments.consignment-number-data-element"),
                optionalUid(s, "consignments.item-code-data-element"),
                optionalUid(s, "consignments.received-quantity-data-element"),
                uid(s, "consignments.rts-program"),
                uid(s, "consignments.rts-stage"),
                uid(s, "consignments.rts-tracked-entity-type"),
                uid(s, "consignments.rts-item-code-attribute"),
                uid(s, "consignments.rts-stock-receipt-data-element"),
                uid(s, "consignments.rts-previous-balance-data-element"),
                uid(s, "consignments.rts-stock-on-hand-data-element"),
                s.intBetween("consignments.page-size", 50, 1, 1000),
                s.intBetween("consignments.max-attempts", 5, 1, 100),
                s.intBetween("consignments.rts-batch-size", 100, 1, 1000),
                s.flag("bridge.production", false));
    }

    private static String uid(Settings s, String key) {
        String value = s.text(key);
        if (!RtsUids.isValid(value)) {
            throw new InvalidSettingException(key, "'" + value + "' is not a DHIS2 UID (a letter and 10 letters or digits)");
        }
        return value;
    }

    private static Optional<String> optionalUid(Settings s, String key) {
        return s.optional(key).map(v -> uid(s, key));
    }
}
