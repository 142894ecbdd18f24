package org.lmisbridge.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second every time it is read, so timestamps always differ. */
final class TickingClock extends Clock {
  private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-22T04:00:00Z").toEpochMilli());

  @Override public ZoneId getZone() { return ZoneOffset.UTC; }
  @Override public Clock withZone(ZoneId zone) { return this; }
  @Override public Instant instant() { return Instant.ofEpochMilli(millis.getAndAdd(1000)); }
}
