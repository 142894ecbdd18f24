package org.lmisbridge.console;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** A flow's Quartz schedule: its cron in its time zone, and when it fires next after a given instant. */
public record FlowSchedule(String routeId, String cron, String timeZone) {

    /** The schedule route {@code metadata-sync-schedule} belongs to the flow {@code metadata-sync}. */
    public String flow() {
        return routeId.endsWith("-schedule") ? routeId.substring(0, routeId.length() - "-schedule".length()) : routeId;
    }

    public Optional<Instant> nextAfter(Instant after) {
        if (cron == null) {
            return Optional.empty();
        }
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(timeZone == null ? "UTC" : timeZone));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            return Optional.ofNullable(next).map(Date::toInstant);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
