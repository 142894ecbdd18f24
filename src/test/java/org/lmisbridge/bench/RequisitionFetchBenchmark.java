package org.lmisbridge.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.lmisbridge.requisitions.RequisitionTestData;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * F2 at scale: N completed order events (default 100,000) in a DHIS2 2.42 sandbox, fetched page by page by the real
 * bridge into requisitions on an H2 file database, with the time and the peak heap. The sandbox runs in the same JVM
 * and holds all N events itself, so the heap used after setup (mostly the sandbox) is printed too; the bridge's share
 * is the peak above it.
 *
 * <pre>bench/run -Xmx256m RequisitionFetchBenchmark [--events 100000] [--page-size 500] [--lines-per-order 10]</pre>
 */
public final class RequisitionFetchBenchmark {

    private RequisitionFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = intArg(args, "--events", 100_000);
        int pageSize = intArg(args, "--page-size", 500);
        int linesPerOrder = intArg(args, "--lines-per-order", 10);
        String[] facilities = {"OuFacility1", "OuFacility2", "OuFacility4"};
        String[] items = {"AMOX250", "PARA500", "ORS"};

        Path dir = Files.createTempDirectory("requisition-bench");
        Dhis2Sandbox sandbox = Dhis2Sandbox.builder().port(0).version("2.42").journalCapacity(1000)
                .journalBodies(false).build().start();
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < events; i++) {
            int order = i / linesPerOrder;
            sandbox.addEvent(RequisitionTestData.order(String.format("Ev%09d", i), facilities[order % 3],
                    "2026-11-" + (10 + order % 20), items[i % 3], String.valueOf(1 + i % 50), String.valueOf(i % 7),
                    "ORD-" + order, base.plusMillis(i * 10L)));
        }
        try (BridgeHarness bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "admin", "district")
                .property("bridge.db.url", "jdbc:h2:file:" + dir.resolve("bridge") + ";CACHE_SIZE=8192")
                .property("requisitions.schedule-enabled", "false")
                .property("requisitions.page-size", String.valueOf(pageSize))
                .property("bridge.dead-letter.replay-interval-ms", "60000")
                .start()) {
            RequisitionTestData.lmis(bridge.dataSource());
            System.gc();
            long afterSetup = heapUsed();
            resetPeaks();
            LiveHeap live = LiveHeap.watch();

            long start = System.nanoTime();
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = bridge.producer().requestBodyAndHeader("direct:requisition-fetch", null,
                    "requisitionTrigger", "manual", Map.class);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = peakHeap();
            long livePeak = live.stop();

            Object lines = bridge.query("SELECT COUNT(*) AS n FROM requisition_line").get(0).get("n");
            Object requisitions = bridge.query("SELECT COUNT(*) AS n FROM requisition").get(0).get("n");
            System.out.printf("RequisitionFetchBenchmark: %d events, page size %d, %s requests%n", events, pageSize,
                    sandbox.journal().total());
            System.out.printf("  run: %s%n", summary);
            System.out.printf("  requisition lines: %s, requisitions: %s%n", lines, requisitions);
            long sandboxMillis = sandbox.journal().entries().stream().mapToLong(e -> e.durationMillis()).sum();
            System.out.printf("  time: %.1f s (%.0f events/s), of which the sandbox answering: %.1f s%n", seconds,
                    events / seconds, sandboxMillis / 1000.0);
            System.out.printf("  heap: max %d MB; used after setup %d MB (the sandbox's %d events); peak during the run"
                    + " %d MB (%d MB above setup)%n", Runtime.getRuntime().maxMemory() >> 20, afterSetup >> 20, events,
                    peak >> 20, (peak - afterSetup) >> 20);
            System.out.printf("  live heap (used right after each GC during the run): peak %d MB (%d MB above setup)%n",
                    livePeak >> 20, (livePeak - afterSetup) >> 20);
        } finally {
            sandbox.stop();
        }
    }

    /** The largest heap still in use right after a garbage collection: what the run really holds, without garbage. */
    private static final class LiveHeap implements NotificationListener {
        private final AtomicLong peak = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        static LiveHeap watch() {
            LiveHeap h = new LiveHeap();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(h, null, null);
                    h.emitters.add(emitter);
                }
            }
            return h;
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            long used = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class")) {
                    used += e.getValue().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }

        long stop() {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // already gone
                }
            }
            return peak.get();
        }
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
