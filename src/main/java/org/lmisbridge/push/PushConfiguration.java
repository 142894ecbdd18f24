package org.lmisbridge.push;

import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.lmisbridge.config.Settings;

/**
 * Wires the aggregate push (F5): validates the {@code push.*} settings and binds {@code datavaluePush} and the
 * thread pool the batches are sent on ({@code pushBatchPool}: one thread per batch in flight, plus the reader).
 */
public final class PushConfiguration {

    private PushConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        PushSettings push = PushSettings.read(settings);
        context.getRegistry().bind("datavaluePush", new DataValuePush(dataSource, push));
        ExecutorService pool = context.getExecutorServiceManager()
                .newFixedThreadPool(PushConfiguration.class, "datavalue-push", push.parallelBatches() + 1);
        context.getRegistry().bind("pushBatchPool", pool);
    }
}
