package org.lmisbridge.requisitions;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.lmisbridge.config.Settings;
import org.lmisbridge.ops.CallOutcome;

/**
 * Wiring of the requisition fetch (F2): checks the {@code requisitions.*} settings (failing start-up with the name of
 * a wrong one) and binds {@code requisitionFetch}, {@code requisitionPageOutcome} (the shared {@link CallOutcome}
 * reporting each page to {@link RequisitionFetch#pageOutcome}) and {@code requisitionMessageIds} (Camel's JDBC idempotent
 * repository on camel_messageprocessed) for routes/requisition-fetch.camel.yaml.
 */
public final class RequisitionsConfiguration {

    private RequisitionsConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        RequisitionSettings requisitions = RequisitionSettings.from(settings);
        JdbcMessageIdRepository marks = new JdbcMessageIdRepository(dataSource, RequisitionWriter.PROCESSOR);
        marks.setCreateTableIfNotExists(false);
        try {
            context.addService(marks, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the requisition idempotent repository", e);
        }
        context.getRegistry().bind("requisitionMessageIds", marks);
        RequisitionFetch fetch = new RequisitionFetch(requisitions, dataSource, marks);
        context.getRegistry().bind("requisitionFetch", fetch);
        context.getRegistry().bind("requisitionPageOutcome", new CallOutcome(fetch::pageOutcome));
    }
}
