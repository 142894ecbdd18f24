package org.lmisbridge.consignments;

import java.time.DateTimeException;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.lmisbridge.ops.CallOutcome;

/** Reads and checks the consignments.* settings and binds the beans of routes/consignment-acknowledgement.camel.yaml. */
public final class ConsignmentsConfiguration {

    private ConsignmentsConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        ConsignmentSettings s = ConsignmentSettings.read(settings);
        settings.text("consignments.cron", "0 0/30 * * * ?");
        settings.flag("consignments.schedule-enabled", true);
        String zone = settings.text("consignments.time-zone", "UTC");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidSettingException("consignments.time-zone", "'" + zone + "' is not a time zone such as UTC or Africa/Nairobi");
        }
        int overlap = settings.intBetween("consignments.watermark-overlap-minutes", 10, 0, 10080);
        ConsignmentRuns runs = new ConsignmentRuns(dataSource, overlap);
        RtsTransactions rts = new RtsTransactions(dataSource, s);
        context.getRegistry().bind("consignmentRuns", runs);
        context.getRegistry().bind("consignmentReceipts", new ConsignmentReceipts(dataSource, s));
        context.getRegistry().bind("rtsTransactions", rts);
        context.getRegistry().bind("consignmentPageOutcome", new CallOutcome(runs::pageOutcome));
        context.getRegistry().bind("rtsItemOutcome", new CallOutcome(rts::itemOutcome));
        context.getRegistry().bind("rtsPostOutcome", new CallOutcome(rts::postOutcome));
        context.getRegistry().bind("packingLists", new PackingLists(dataSource));
    }
}
