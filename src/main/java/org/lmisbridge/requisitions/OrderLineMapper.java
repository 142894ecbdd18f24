package org.lmisbridge.requisitions;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Checks one order event against the LMIS and turns it into an {@link OrderLine}, or says in one sentence why it
 * cannot be imported: no store for its org unit, a store without a supplying store, a missing or unknown item code, a
 * missing, non-numeric, fractional or negative quantity, or a stock on hand that is not a whole number.
 */
public final class OrderLineMapper {

    /** The outcome for one event: a line, or the reason it is set aside. */
    public record Result(OrderLine line, String rejection) {
        static Result rejected(String reason) {
            return new Result(null, reason);
        }
    }

    private final RequisitionSettings settings;
    private final Map<String, StoreRef> storesByOrgUnit;
    private final Map<String, Long> itemsByCode;

    public OrderLineMapper(RequisitionSettings settings, Map<String, StoreRef> storesByOrgUnit,
                           Map<String, Long> itemsByCode) {
        this.settings = settings;
        this.storesByOrgUnit = storesByOrgUnit;
        this.itemsByCode = itemsByCode;
    }

    public Result map(OrderEvent e) {
        StoreRef store = e.orgUnit() == null ? null : storesByOrgUnit.get(e.orgUnit());
        if (store == null) {
            return Result.rejected("unknown org unit: no LMIS store is mapped to org unit " + e.orgUnit());
        }
        if (store.supplyingStoreId() == null) {
            return Result.rejected("facility without supplying store: store " + store.code() + " (org unit "
                    + e.orgUnit() + ") has no supplying store to send the requisition to");
        }
        String itemCode = trimmed(e.value(settings.itemCodeDataElement()));
        if (itemCode == null) {
            return Result.rejected("missing item code: no value for data element " + settings.itemCodeDataElement());
        }
        Long itemId = itemsByCode.get(itemCode);
        if (itemId == null) {
            return Result.rejected("unknown item code: '" + itemCode + "' matches no LMIS item ("
                    + settings.itemReference() + ")");
        }
        String rawQuantity = trimmed(e.value(settings.quantityDataElement()));
        if (rawQuantity == null) {
            return Result.rejected("missing quantity: no value for data element " + settings.quantityDataElement());
        }
        Long quantity = wholeNumber(rawQuantity);
        if (quantity == null) {
            return Result.rejected("non-numeric quantity: '" + rawQuantity + "' is not a whole number");
        }
        if (quantity < 0) {
            return Result.rejected("negative quantity: " + rawQuantity);
        }
        Long stockOnHand = null;
        if (settings.stockOnHandDataElement().isPresent()) {
            String rawSoh = trimmed(e.value(settings.stockOnHandDataElement().get()));
            if (rawSoh != null) {
                stockOnHand = wholeNumber(rawSoh);
                if (stockOnHand == null || stockOnHand < 0) {
                    return Result.rejected("invalid stock on hand reported: '" + rawSoh
                            + "' is not a whole number of zero or more");
                }
            }
        }
        String reference = settings.orderReferenceDataElement().map(de -> trimmed(e.value(de))).orElse(null);
        RequisitionKey key = RequisitionKey.of(store.id(), reference, e.occurredOn());
        return new Result(new OrderLine(e, key, store.supplyingStoreId(), itemId, quantity, stockOnHand,
                e.occurredOn()), null);
    }

    /** A whole number written as {@code 12}, {@code 12.0} or {@code 1e2}; null when it is not one. */
    static Long wholeNumber(String raw) {
        try {
            BigDecimal d = new BigDecimal(raw);
            return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String trimmed(String v) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        return t.isEmpty() ? null : t;
    }
}
