package org.lmisbridge.push;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;

/** The validated {@code push.*} settings (see application.properties) and {@code bridge.production}. */
public record PushSettings(PushMapping mapping, boolean production, String importStrategy, int maxValuesPerBatch,
                           int maxBatchBytes, int parallelBatches, int maxAttempts, int fetchSize, String timeZone,
                           boolean async, int asyncPollMs, int asyncMaxPolls) {

    public static PushSettings read(Settings settings) {
        String zone = settings.text("push.time-zone", "UTC");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidSettingException("push.time-zone", "'" + zone + "' is not a time zone");
        }
        settings.text("push.cron", "0 0 20 * * ?");
        settings.flag("push.schedule-enabled", true);
        return new PushSettings(
                PushMapping.read(settings),
                settings.flag("bridge.production", false),
                settings.oneOf("push.import-strategy", "CREATE_AND_UPDATE", "CREATE_AND_UPDATE", "CREATE", "UPDATE"),
                settings.intBetween("push.max-values-per-batch", 1000, 1, 100_000),
                settings.intBetween("push.max-batch-bytes", 1_000_000, 1024, 100_000_000),
                settings.intBetween("push.parallel-batches", 2, 1, 32),
                settings.intBetween("push.max-attempts", 5, 1, 1000),
                settings.intBetween("push.fetch-size", 1000, 10, 100_000),
                zone,
                settings.flag("push.async", false),
                settings.intBetween("push.async-poll-ms", 1000, 10, 600_000),
                settings.intBetween("push.async-max-polls", 600, 1, 1_000_000));
    }

    /** The query string of POST /api/dataValueSets. */
    public String importQuery(boolean dryRun) {
        return "dataElementIdScheme=" + mapping.dataElementScheme()
                + "&dataSetIdScheme=" + mapping.dataElementScheme()
                + "&orgUnitIdScheme=" + mapping.orgUnitScheme()
                + "&categoryOptionComboIdScheme=" + mapping.comboScheme()
                + "&attributeOptionComboIdScheme=" + mapping.attributeComboScheme()
                + "&importStrategy=" + importStrategy
                + "&dryRun=" + dryRun
                + (async ? "&async=true" : "");
    }
}
