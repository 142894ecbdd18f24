package org.lmisbridge.sandbox;

/**
 * One way to misbehave. {@code OK} answers normally (useful in scripts); {@code STATUS} answers
 * the given status (with Retry-After when set); {@code SLOW} waits then answers normally;
 * {@code TIMEOUT} holds the connection then closes it unanswered; {@code RESET} closes it at
 * once; {@code TRUNCATED} sends a Content-Length and half the body; {@code NON_JSON} answers 200
 * with an HTML page.
 */
public record Fault(Kind kind, int status, long millis, int retryAfterSeconds) {
  public enum Kind { OK, STATUS, SLOW, TIMEOUT, RESET, TRUNCATED, NON_JSON }

  /** The longest a TIMEOUT holds a connection. */
  public static final long MAX_HOLD_MILLIS = 60_000;

  public static Fault ok() { return new Fault(Kind.OK, 0, 0, 0); }
  public static Fault status(int status) { return new Fault(Kind.STATUS, status, 0, 0); }
  public static Fault tooManyRequests(int retryAfterSeconds) { return new Fault(Kind.STATUS, 429, 0, retryAfterSeconds); }
  public static Fault slow(long millis) { return new Fault(Kind.SLOW, 0, millis, 0); }
  public static Fault timeout() { return new Fault(Kind.TIMEOUT, 0, MAX_HOLD_MILLIS, 0); }
  public static Fault timeout(long holdMillis) { return new Fault(Kind.TIMEOUT, 0, Math.min(holdMillis, MAX_HOLD_MILLIS), 0); }
  public static Fault reset() { return new Fault(Kind.RESET, 0, 0, 0); }
  public static Fault truncated() { return new Fault(Kind.TRUNCATED, 0, 0, 0); }
  public static Fault nonJson() { return new Fault(Kind.NON_JSON, 0, 0, 0); }

  /**
   * Parses the short form used by the HTTP control path: {@code 503}, {@code 429:5} (Retry-After
   * seconds), {@code SLOW:200}, {@code TIMEOUT} or {@code TIMEOUT:5000}, {@code RESET},
   * {@code TRUNCATED}, {@code NON_JSON}, {@code OK}.
   */
  public static Fault parse(String s) {
    String[] p = s.trim().split(":", 2);
    String head = p[0].toUpperCase();
    long arg = p.length > 1 ? Long.parseLong(p[1].trim()) : -1;
    if (head.matches("\\d{3}")) {
      int code = Integer.parseInt(head);
      return new Fault(Kind.STATUS, code, 0, arg > 0 ? (int) arg : code == 429 ? 1 : 0);
    }
    return switch (head) {
      case "OK" -> ok();
      case "SLOW" -> slow(arg < 0 ? 1000 : arg);
      case "TIMEOUT" -> arg < 0 ? timeout() : timeout(arg);
      case "RESET" -> reset();
      case "TRUNCATED" -> truncated();
      case "NON_JSON", "HTML" -> nonJson();
      default -> throw new IllegalArgumentException("Unknown fault: " + s);
    };
  }

  /** The short form, as written in the journal. */
  @Override
  public String toString() {
    return switch (kind) {
      case STATUS -> retryAfterSeconds > 0 ? status + ":" + retryAfterSeconds : String.valueOf(status);
      case SLOW, TIMEOUT -> kind + ":" + millis;
      default -> kind.name();
    };
  }
}
