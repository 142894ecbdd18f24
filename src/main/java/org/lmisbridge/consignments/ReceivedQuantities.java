package org.lmisbridge.consignments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a receipt says was received, line by line. A receipt that names no item confirms every line as sent. A
 * receipt with an item code and a quantity sets that item's lines (several lines of one item, e.g. batches, are
 * filled in line order up to what was sent, any surplus on the last); the other lines are received as sent.
 */
public final class ReceivedQuantities {

    /** A shipment line: its id, item code and quantity sent. */
    public record Line(long id, String itemCode, long sent) {
    }

    private ReceivedQuantities() {
    }

    /** Line id to quantity received; throws IllegalArgumentException with the reason a receipt is set aside. */
    public static Map<Long, Long> of(List<Line> lines, String itemCode, String receivedQuantity) {
        Map<Long, Long> received = new LinkedHashMap<>();
        lines.forEach(l -> received.put(l.id(), l.sent()));
        if (itemCode == null && receivedQuantity == null) {
            return received;
        }
        if (itemCode == null) {
            throw new IllegalArgumentException("received quantity " + receivedQuantity + " without an item code");
        }
        List<Line> ofItem = lines.stream().filter(l -> l.itemCode().equalsIgnoreCase(itemCode)).toList();
        if (ofItem.isEmpty()) {
            throw new IllegalArgumentException("item " + itemCode + " is not in the consignment");
        }
        if (receivedQuantity == null) {
            return received;
        }
        long remaining = quantity(receivedQuantity);
        for (int i = 0; i < ofItem.size(); i++) {
            Line l = ofItem.get(i);
            long q = i == ofItem.size() - 1 ? remaining : Math.min(remaining, l.sent());
            received.put(l.id(), q);
            remaining -= q;
        }
        return received;
    }

    static long quantity(String raw) {
        long q;
        try {
            q = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("received quantity '" + raw + "' is not a whole number");
        }
        if (q < 0) {
            throw new IllegalArgumentException("received quantity " + q + " is negative");
        }
        return q;
    }
}
