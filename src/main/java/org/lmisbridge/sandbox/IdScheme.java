package org.lmisbridge.sandbox;

/** How a reference names an object: by UID, by code or by name. */
public enum IdScheme {
  UID,
  CODE,
  NAME;

  /** Parses DHIS2's scheme names (UID, ID, CODE, NAME, case-insensitive); null stays null. */
  static IdScheme parse(String s) {
    if (s == null || s.isBlank()) return null;
    return switch (s.trim().toUpperCase()) {
      case "UID", "ID" -> UID;
      case "CODE" -> CODE;
      case "NAME" -> NAME;
      default -> throw new IllegalArgumentException("Unsupported id scheme: " + s);
    };
  }

  static IdScheme firstNonNull(IdScheme a, IdScheme b) {
    return a != null ? a : b != null ? b : UID;
  }
}
