package org.lmisbridge.metadata;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.quartz.CronExpression;

/** Checks the metadata.* and login.* settings and binds the beans of F1's routes. */
public final class MetadataConfiguration {

    private MetadataConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        settings.intBetween("metadata.page-size", 500, 1, 10000);
        String cron = settings.text("metadata.cron", "0 0 2 * * ?");
        if (!CronExpression.isValidExpression(cron)) {
            throw new InvalidSettingException("metadata.cron", "'" + cron + "' is not a Quartz cron expression");
        }
        String zone = settings.text("metadata.time-zone", "UTC");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("metadata.time-zone", "'" + zone + "' is not a time zone");
        }
        settings.flag("metadata.schedule-enabled", true);
        StoreHierarchy.MatchBy matchBy = StoreHierarchy.MatchBy.valueOf(
                settings.oneOf("metadata.store-match", "code", "code", "uid").toUpperCase(java.util.Locale.ROOT));
        boolean createStores = settings.flag("metadata.create-stores", false);
        int facilityLevel = settings.intBetween("metadata.facility-level", 0, 0, 20);
        if (createStores && facilityLevel == 0) {
            throw new InvalidSettingException("metadata.facility-level",
                    "must name the org unit level of facilities (1-20) when metadata.create-stores=true");
        }
        context.getRegistry().bind("metadataSync",
                new MetadataSync(dataSource, matchBy, createStores ? facilityLevel : 0));

        LoginThrottle throttle = new LoginThrottle(
                settings.intBetween("login.max-failures-per-user", 5, 1, 1000),
                settings.intBetween("login.max-failures-per-address", 20, 1, 100000),
                Duration.ofSeconds(settings.intBetween("login.failure-window-seconds", 900, 1, 86400)),
                Clock.systemUTC());
        context.getRegistry().bind("loginDelegation", new LoginDelegation(throttle));
    }
}
