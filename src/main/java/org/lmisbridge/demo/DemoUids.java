package org.lmisbridge.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic DHIS2 UIDs (11 characters: a letter, then 10 letters or digits) derived from a kind and a code. */
public final class DemoUids {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";

    private DemoUids() {
    }

    /** The UID for e.g. ("ou", "FAC_001"); the same inputs always give the same UID. */
    public static String uid(String kind, String code) {
        byte[] h = sha256(kind + ":" + code);
        StringBuilder sb = new StringBuilder(11);
        sb.append(LETTERS.charAt((h[0] & 0xff) % LETTERS.length()));
        for (int i = 1; i <= 10; i++) {
            sb.append(ALPHANUMERIC.charAt((h[i] & 0xff) % ALPHANUMERIC.length()));
        }
        return sb.toString();
    }

    /** True for a syntactically valid DHIS2 UID. */
    public static boolean isValid(String uid) {
        return uid != null && uid.matches("[a-zA-Z][a-zA-Z0-9]{10}");
    }

    static String hex8(String text) {
        byte[] h = sha256(text);
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 4; i++) {
            sb.append(String.format("%02x", h[i] & 0xff));
        }
        return sb.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
