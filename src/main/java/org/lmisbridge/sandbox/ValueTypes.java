package org.lmisbridge.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/** DHIS2's value type checks: an error key (as DHIS2 names it) or null when the value is fine. */
final class ValueTypes {
  private static final Pattern INTEGER = Pattern.compile("^(0|-?[1-9]\\d*)$");
  private static final Pattern POSITIVE = Pattern.compile("^[1-9]\\d*$");
  private static final Pattern NEGATIVE = Pattern.compile("^-[1-9]\\d*$");
  private static final Pattern ZERO_OR_POSITIVE = Pattern.compile("^(0|[1-9]\\d*)$");
  private static final Pattern NUMERIC = Pattern.compile("^(-?0|-?[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?$");
  private static final Pattern PHONE = Pattern.compile("^[0-9+()#.\\s/ext-]{6,50}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** The English text DHIS2 gives each error key; keys without text are shown as they are. */
  private static final Map<String, String> TEXT = Map.ofEntries(
      Map.entry("value_length_greater_than_max_length", "Data value is greater than max length"),
      Map.entry("value_not_numeric", "Data value is not numeric"),
      Map.entry("value_not_unit_interval", "Data value is not a unit interval"),
      Map.entry("value_not_percentage", "Data value is not a percentage"),
      Map.entry("value_not_integer", "Data value is not an integer"),
      Map.entry("value_not_positive_integer", "Data value is not a positive integer"),
      Map.entry("value_not_negative_integer", "Data value is not a negative integer"),
      Map.entry("value_not_bool", "Data value is not a boolean"),
      Map.entry("value_not_true_only", "Data value is not true"),
      Map.entry("value_not_valid_date", "Data value is not a valid date"),
      Map.entry("value_not_valid_letter", "Data value is not a valid letter"));

  private ValueTypes() {}

  static String text(String key) {
    return TEXT.getOrDefault(key, key);
  }

  /** Booleans arrive as true/false/1/0 in any case; DHIS2 stores them as true/false. */
  static String normalize(String value, String valueType) {
    if (value == null) return null;
    if (valueType.equals("BOOLEAN") || valueType.equals("TRUE_ONLY")) {
      String v = value.trim().toLowerCase();
      if (v.equals("1") || v.equals("true")) return "true";
      if (v.equals("0") || v.equals("false")) return "false";
    }
    return value;
  }

  static String check(String value, String valueType) {
    if (value == null || value.trim().isEmpty()) return null;
    if (value.length() > 50000) return "value_length_greater_than_max_length";
    return switch (valueType) {
      case "LETTER" -> value.length() == 1 && Character.isLetter(value.charAt(0)) ? null : "value_not_valid_letter";
      case "NUMBER" -> NUMERIC.matcher(value).matches() ? null : "value_not_numeric";
      case "UNIT_INTERVAL" -> between(value, 0, 1) ? null : "value_not_unit_interval";
      case "PERCENTAGE" -> between(value, 0, 100) ? null : "value_not_percentage";
      case "INTEGER" -> intLike(value, INTEGER) ? null : "value_not_integer";
      case "INTEGER_POSITIVE" -> intLike(value, POSITIVE) ? null : "value_not_positive_integer";
      case "INTEGER_NEGATIVE" -> intLike(value, NEGATIVE) ? null : "value_not_negative_integer";
      case "INTEGER_ZERO_OR_POSITIVE" -> intLike(value, ZERO_OR_POSITIVE) ? null : "value_not_zero_or_positive_integer";
      case "PHONE_NUMBER" -> PHONE.matcher(value).matches() ? null : "value_not_phone_number";
      case "EMAIL" -> EMAIL.matcher(value).matches() ? null : "value_not_valid_email";
      case "BOOLEAN" -> value.equals("true") || value.equals("false") ? null : "value_not_bool";
      case "TRUE_ONLY" -> value.equalsIgnoreCase("true") ? null : "value_not_true_only";
      case "DATE", "AGE" -> date(value) ? null : valueType.equals("AGE") ? "value_not_valid_age" : "value_not_valid_date";
      case "DATETIME" -> dateTime(value) ? null : "value_not_valid_datetime";
      case "TIME" -> time(value) ? null : "value_not_valid_time";
      case "ORGANISATION_UNIT" -> Uids.isValid(value) ? null : "value_not_valid_org_unit_uid";
      case "FILE_RESOURCE", "IMAGE" -> Uids.isValid(value) ? null : "value_not_valid_file_resource_uid";
      default -> null;
    };
  }

  /** True for a numeric zero on a numeric type. */
  static boolean isZero(String value) {
    if (value == null || !NUMERIC.matcher(value.trim()).matches()) return false;
    return Double.parseDouble(value.trim()) == 0d;
  }

  private static boolean intLike(String v, Pattern p) {
    if (!p.matcher(v).matches()) return false;
    try {
      Integer.parseInt(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean between(String v, double lo, double hi) {
    if (!NUMERIC.matcher(v).matches()) return false;
    double d = Double.parseDouble(v);
    return d >= lo && d <= hi;
  }

  private static boolean date(String v) {
    try {
      LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean dateTime(String v) {
    try {
      LocalDateTime.parse(v.replace(" ", "T").replaceAll("(Z|[+-]\\d\\d:?\\d\\d)$", ""));
      return true;
    } catch (DateTimeParseException e) {
      return date(v) && v.length() == 10;
    }
  }

  private static boolean time(String v) {
    try {
      LocalTime.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
