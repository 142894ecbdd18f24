package org.lmisbridge.push;

import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.lmisbridge.config.Settings;

/**
 * Wires the aggregate push (F5): validates the {@code push.*} settings and binds {@code datavaluePush} and the
 * thread pool the batches are sent on ({@code pushBatchPool}: per batch in flight one thread posting and one writing
 * the outcomes of the batch answered before it, plus the reader).
 */
public final class PushConfiguration {

    private PushConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        PushSettings push = PushSettings.read(settings);
        context.getRegistry().bind("datavaluePush", new DataValuePush(dataSource, push));
        context.getRegistry().bind("pushAsyncImport", new AsyncImport(push.asyncMaxPolls()));
        ExecutorService pool = context.getExecutorServiceManager()
                .newFixedThreadPool(PushConfiguration.class, "datavalue-push", 2 * push.parallelBatches() + 1);
        context.getRegistry().bind("pushBatchPool", pool);
    }
}
