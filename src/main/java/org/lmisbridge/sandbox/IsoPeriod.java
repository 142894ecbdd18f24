package org.lmisbridge.sandbox;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DHIS2 ISO period ({@code 20240315}, {@code 2024W11}, {@code 202403}, {@code 2024Q1},
 * {@code 2024}, ...), parsed the way DHIS2 2.42 does: the monthly pattern also takes
 * {@code 2024-03} and the daily one {@code 2024-03-15}, both stored under the canonical form.
 */
public record IsoPeriod(String iso, Type type, LocalDate start, LocalDate end) {

  /** Period types, named as DHIS2 names them in a data set's {@code periodType}. */
  public enum Type {
    DAILY("Daily"),
    WEEKLY("Weekly"),
    WEEKLY_WEDNESDAY("WeeklyWednesday"),
    WEEKLY_THURSDAY("WeeklyThursday"),
    WEEKLY_SATURDAY("WeeklySaturday"),
    WEEKLY_SUNDAY("WeeklySunday"),
    BI_WEEKLY("BiWeekly"),
    MONTHLY("Monthly"),
    BI_MONTHLY("BiMonthly"),
    QUARTERLY("Quarterly"),
    QUARTERLY_NOV("QuarterlyNov"),
    SIX_MONTHLY("SixMonthly"),
    SIX_MONTHLY_APRIL("SixMonthlyApril"),
    SIX_MONTHLY_NOV("SixMonthlyNov"),
    YEARLY("Yearly"),
    FINANCIAL_APRIL("FinancialApril"),
    FINANCIAL_JULY("FinancialJuly"),
    FINANCIAL_SEP("FinancialSep"),
    FINANCIAL_OCT("FinancialOct"),
    FINANCIAL_NOV("FinancialNov");

    public final String dhis2Name;

    Type(String dhis2Name) {
      this.dhis2Name = dhis2Name;
    }

    public static Type byName(String name) {
      for (Type t : values()) if (t.dhis2Name.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) return t;
      return null;
    }
  }

  private static final Pattern DAILY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern WEEKLY = Pattern.compile("(\\d{4})(|Wed|Thu|Sat|Sun|Bi)W(\\d\\d?)");
  private static final Pattern MONTHLY = Pattern.compile("(\\d{4})-?(\\d{2})");
  private static final Pattern BI_MONTHLY = Pattern.compile("(\\d{4})(\\d{2})B");
  private static final Pattern QUARTERLY = Pattern.compile("(\\d{4})(Nov)?Q(\\d)");
  private static final Pattern SIX_MONTHLY = Pattern.compile("(\\d{4})(April|Nov)?S(\\d)");
  private static final Pattern YEARLY = Pattern.compile("(\\d{4})(April|July|Sep|Oct|Nov)?");

  /** Parses an ISO period; null when it is not one. */
  public static IsoPeriod parse(String s) {
    if (s == null) return null;
    s = s.trim();
    try {
      Matcher m;
      if ((m = DAILY.matcher(s)).matches()) {
        int o = m.group(1) != null ? 0 : 3;
        LocalDate d = LocalDate.of(i(m, 1 + o), i(m, 2 + o), i(m, 3 + o));
        return daily(d);
      }
      if ((m = WEEKLY.matcher(s)).matches()) {
        return week(i(m, 1), m.group(2), i(m, 3));
      }
      if ((m = MONTHLY.matcher(s)).matches()) {
        return month(i(m, 1), i(m, 2));
      }
      if ((m = BI_MONTHLY.matcher(s)).matches()) {
        int n = i(m, 2);
        if (n < 1 || n > 6) return null;
        LocalDate start = LocalDate.of(i(m, 1), n * 2 - 1, 1);
        return new IsoPeriod(s, Type.BI_MONTHLY, start, start.plusMonths(2).minusDays(1));
      }
      if ((m = QUARTERLY.matcher(s)).matches()) {
        int n = i(m, 3);
        if (n < 1 || n > 4) return null;
        boolean nov = m.group(2) != null;
        LocalDate start = nov ? LocalDate.of(i(m, 1) - 1, 11, 1).plusMonths((n - 1) * 3L)
            : LocalDate.of(i(m, 1), (n - 1) * 3 + 1, 1);
        return new IsoPeriod(s, nov ? Type.QUARTERLY_NOV : Type.QUARTERLY, start, start.plusMonths(3).minusDays(1));
      }
      if ((m = SIX_MONTHLY.matcher(s)).matches()) {
        int n = i(m, 3);
        if (n < 1 || n > 2) return null;
        String v = m.group(2);
        LocalDate first = v == null ? LocalDate.of(i(m, 1), 1, 1)
            : v.equals("April") ? LocalDate.of(i(m, 1), 4, 1) : LocalDate.of(i(m, 1) - 1, 11, 1);
        Type t = v == null ? Type.SIX_MONTHLY : v.equals("April") ? Type.SIX_MONTHLY_APRIL : Type.SIX_MONTHLY_NOV;
        LocalDate start = first.plusMonths((n - 1) * 6L);
        return new IsoPeriod(s, t, start, start.plusMonths(6).minusDays(1));
      }
      if ((m = YEARLY.matcher(s)).matches()) {
        return year(i(m, 1), m.group(2));
      }
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  private static int i(Matcher m, int g) {
    return Integer.parseInt(m.group(g));
  }

  private static IsoPeriod daily(LocalDate d) {
    return new IsoPeriod(String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()), Type.DAILY, d, d);
  }

  private static IsoPeriod month(int year, int month) {
    LocalDate start = LocalDate.of(year, month, 1);
    return new IsoPeriod(String.format("%04d%02d", year, month), Type.MONTHLY, start, start.plusMonths(1).minusDays(1));
  }

  private static IsoPeriod year(int year, String variant) {
    if (variant == null) {
      return new IsoPeriod(String.format("%04d", year), Type.YEARLY, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
    int month;
    Type t;
    switch (variant) {
      case "April" -> { month = 4; t = Type.FINANCIAL_APRIL; }
      case "July" -> { month = 7; t = Type.FINANCIAL_JULY; }
      case "Sep" -> { month = 9; t = Type.FINANCIAL_SEP; }
      case "Oct" -> { month = 10; t = Type.FINANCIAL_OCT; }
      default -> { month = 11; t = Type.FINANCIAL_NOV; }
    }
    LocalDate start = LocalDate.of(year, month, 1);
    return new IsoPeriod(year + variant, t, start, start.plusYears(1).minusDays(1));
  }

  private static DayOfWeek weekStart(String variant) {
    return switch (variant) {
      case "Wed" -> DayOfWeek.WEDNESDAY;
      case "Thu" -> DayOfWeek.THURSDAY;
      case "Sat" -> DayOfWeek.SATURDAY;
      case "Sun" -> DayOfWeek.SUNDAY;
      default -> DayOfWeek.MONDAY;
    };
  }

  private static Type weekType(String variant) {
    return switch (variant) {
      case "Wed" -> Type.WEEKLY_WEDNESDAY;
      case "Thu" -> Type.WEEKLY_THURSDAY;
      case "Sat" -> Type.WEEKLY_SATURDAY;
      case "Sun" -> Type.WEEKLY_SUNDAY;
      case "Bi" -> Type.BI_WEEKLY;
      default -> Type.WEEKLY;
    };
  }

  /** First day of week 1: the week (starting on the given day) that holds 4 January. */
  private static LocalDate firstWeekStart(int year, DayOfWeek first) {
    return LocalDate.of(year, 1, 4).with(TemporalAdjusters.previousOrSame(first));
  }

  private static IsoPeriod week(int year, String variant, int n) {
    boolean bi = variant.equals("Bi");
    DayOfWeek first = weekStart(variant);
    int weekIndex = bi ? n * 2 - 1 : n;
    if (n < 1) return null;
    LocalDate start = firstWeekStart(year, first).plusWeeks(weekIndex - 1L);
    if (!start.isBefore(firstWeekStart(year + 1, first))) return null;
    LocalDate end = start.plusWeeks(bi ? 2 : 1).minusDays(1);
    return new IsoPeriod(year + variant + "W" + n, weekType(variant), start, end);
  }

  /** The period of the given type that holds the given date. */
  public static IsoPeriod containing(Type type, LocalDate d) {
    int y = d.getYear();
    int m = d.getMonthValue();
    return switch (type) {
      case DAILY -> daily(d);
      case MONTHLY -> month(y, m);
      case BI_MONTHLY -> parse(String.format("%04d%02dB", y, (m + 1) / 2));
      case QUARTERLY -> parse(y + "Q" + ((m - 1) / 3 + 1));
      case QUARTERLY_NOV -> {
        LocalDate shifted = d.plusMonths(2);
        yield parse(shifted.getYear() + "NovQ" + ((shifted.getMonthValue() - 1) / 3 + 1));
      }
      case SIX_MONTHLY -> parse(y + "S" + (m <= 6 ? 1 : 2));
      case SIX_MONTHLY_APRIL -> {
        LocalDate shifted = d.minusMonths(3);
        yield parse(shifted.getYear() + "AprilS" + (shifted.getMonthValue() <= 6 ? 1 : 2));
      }
      case SIX_MONTHLY_NOV -> {
        LocalDate shifted = d.plusMonths(2);
        yield parse(shifted.getYear() + "NovS" + (shifted.getMonthValue() <= 6 ? 1 : 2));
      }
      case YEARLY -> year(y, null);
      case FINANCIAL_APRIL -> year(d.minusMonths(3).getYear(), "April");
      case FINANCIAL_JULY -> year(d.minusMonths(6).getYear(), "July");
      case FINANCIAL_SEP -> year(d.minusMonths(8).getYear(), "Sep");
      case FINANCIAL_OCT -> year(d.minusMonths(9).getYear(), "Oct");
      case FINANCIAL_NOV -> year(d.minusMonths(10).getYear(), "Nov");
      default -> weekContaining(type, d);
    };
  }

  private static IsoPeriod weekContaining(Type type, LocalDate d) {
    String variant = switch (type) {
      case WEEKLY_WEDNESDAY -> "Wed";
      case WEEKLY_THURSDAY -> "Thu";
      case WEEKLY_SATURDAY -> "Sat";
      case WEEKLY_SUNDAY -> "Sun";
      case BI_WEEKLY -> "Bi";
      default -> "";
    };
    DayOfWeek first = weekStart(variant);
    LocalDate start = d.with(TemporalAdjusters.previousOrSame(first));
    int year = start.plusDays(3).getYear();
    long index = ChronoUnit.WEEKS.between(firstWeekStart(year, first), start);
    int n = type == Type.BI_WEEKLY ? (int) (index / 2) + 1 : (int) index + 1;
    return week(year, variant, n);
  }

  /** The period {@code n} periods after this one (before it when negative). */
  public IsoPeriod plus(int n) {
    IsoPeriod p = this;
    for (int k = 0; k < Math.abs(n); k++) {
      p = n > 0 ? containing(type, p.end.plusDays(1)) : containing(type, p.start.minusDays(1));
    }
    return p;
  }

  @Override
  public String toString() {
    return iso;
  }
}
