package org.lmisbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** DHIS2-style 11-character UIDs: random ones, and deterministic ones from a seed. */
final class Uids {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = "0123456789" + LETTERS;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Uids() {}

  static String random() {
    char[] c = new char[11];
    c[0] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
    for (int i = 1; i < 11; i++) c[i] = ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length()));
    return new String(c);
  }

  /** The same seed always gives the same UID. */
  static String fromSeed(String seed) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      char[] c = new char[11];
      c[0] = LETTERS.charAt((h[0] & 0xff) % LETTERS.length());
      for (int i = 1; i < 11; i++) c[i] = ALPHANUMERIC.charAt((h[i] & 0xff) % ALPHANUMERIC.length());
      return new String(c);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean isValid(String s) {
    return s != null && s.matches("[a-zA-Z][a-zA-Z0-9]{10}");
  }
}
