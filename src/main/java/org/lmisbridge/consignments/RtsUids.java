package org.lmisbridge.consignments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The UIDs the bridge gives the objects it creates in the RTS program, derived from what they stand for, so that
 * posting them again (a retry, a rerun, a restart) updates the same DHIS2 objects instead of adding stock twice.
 * A DHIS2 UID is a letter followed by 10 letters or digits; these come from a SHA-256 of the name.
 */
public final class RtsUids {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";

    private RtsUids() {
    }

    /** The stock receipt event of one shipment line. */
    public static String event(String consignmentNumber, long shipmentLineId) {
        return uid("rts-stock-receipt:" + consignmentNumber + ":" + shipmentLineId);
    }

    /** The "Item" tracked entity of an item at a facility (one per org unit and item code). */
    public static String trackedEntity(String orgUnit, String itemCode) {
        return uid("rts-item:" + orgUnit + ":" + itemCode);
    }

    /** The enrollment of that tracked entity in the RTS program. */
    public static String enrollment(String program, String orgUnit, String itemCode) {
        return uid("rts-enrollment:" + program + ":" + orgUnit + ":" + itemCode);
    }

    public static boolean isValid(String uid) {
        return uid != null && uid.matches("[a-zA-Z][a-zA-Z0-9]{10}");
    }

    static String uid(String name) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder(11);
        sb.append(LETTERS.charAt((h[0] & 0xff) % LETTERS.length()));
        for (int i = 1; i <= 10; i++) {
            sb.append(ALPHANUMERIC.charAt((h[i] & 0xff) % ALPHANUMERIC.length()));
        }
        return sb.toString();
    }
}
