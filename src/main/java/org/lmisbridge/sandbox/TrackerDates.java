package org.lmisbridge.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The date forms the tracker API takes: {@code 2026-11-21}, {@code 2026-11-21T10:00:00[.000][Z]}. */
final class TrackerDates {
  private TrackerDates() {}

  static LocalDateTime parse(String s) {
    if (s == null || s.isBlank()) return null;
    String t = s.trim();
    if (t.length() == 10) return LocalDate.parse(t).atStartOfDay();
    if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
      return OffsetDateTime.parse(t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDateTime();
    }
    return LocalDateTime.parse(t.replace(' ', 'T'));
  }

  static Instant instant(String s) {
    LocalDateTime t = parse(s);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static String format(LocalDateTime t) {
    return t == null ? null : Json.TIMESTAMP.format(t);
  }
}
