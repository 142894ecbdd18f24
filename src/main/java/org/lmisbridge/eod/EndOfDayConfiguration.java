package org.lmisbridge.eod;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.quartz.CronExpression;

/** Reads and checks the eod.* settings and binds the End-of-Day bean ({@code endOfDay}) the routes call. */
public final class EndOfDayConfiguration {

    private EndOfDayConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        context.getRegistry().bind("endOfDay", create(settings, dataSource));
    }

    static EndOfDay create(Settings settings, DataSource dataSource) {
        settings.flag("eod.schedule-enabled", true);
        settings.positiveInt("eod.catch-up-delay-ms", 60000);
        String cron = settings.text("eod.cron", "0+59+23+*+*+?");
        if (!CronExpression.isValidExpression(cron.replace('+', ' '))) {
            throw new InvalidSettingException("eod.cron",
                    "'" + cron + "' is not a Quartz cron expression (seconds minutes hours day month weekday,"
                            + " + for spaces, e.g. 0+59+23+*+*+?)");
        }
        ZoneId zone;
        String zoneName = settings.text("eod.time-zone", "UTC");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new InvalidSettingException("eod.time-zone",
                    "'" + zoneName + "' is not a time zone such as UTC or Africa/Nairobi");
        }
        int amcMonths = settings.intBetween("eod.amc-months", 3, 1, 24);
        Optional<LocalDate> firstDay = settings.optional("eod.first-day").map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidSettingException("eod.first-day", "'" + v + "' is not an ISO date such as 2026-11-01");
            }
        });
        boolean monthToDate = settings.flag("eod.month-to-date", false);
        return new EndOfDay(dataSource, Clock.system(zone), firstDay, amcMonths, monthToDate);
    }
}
