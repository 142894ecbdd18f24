package org.lmisbridge.push;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One push run: what it covers, whether it only dry-runs, how many batches may be in flight, whether it was
 * stopped (401/403), and its counts for the report in {@code flow_run}.
 */
public final class PushRun {

    private final long id;
    private final String trigger;
    private final LocalDate from;
    private final LocalDate to;
    private final boolean dryRun;
    private final Semaphore inFlight;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger posted = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger dead = new AtomicInteger();
    final AtomicInteger ignored = new AtomicInteger();
    final AtomicInteger dryRunValues = new AtomicInteger();
    final AtomicInteger notSent = new AtomicInteger();
    private volatile OutboxStaging.Staged staged = new OutboxStaging.Staged(0, 0, 0, 0);

    PushRun(long id, String trigger, LocalDate from, LocalDate to, boolean dryRun, int parallelBatches) {
        this.id = id;
        this.trigger = trigger;
        this.from = from;
        this.to = to;
        this.dryRun = dryRun;
        this.inFlight = new Semaphore(parallelBatches);
    }

    public long id() {
        return id;
    }

    public boolean dryRun() {
        return dryRun;
    }

    Semaphore inFlight() {
        return inFlight;
    }

    void staged(OutboxStaging.Staged s) {
        this.staged = s;
    }

    /** Stops the run: no further batch is read. The first reason is kept. */
    void stop(String reason) {
        stopReason.compareAndSet(null, reason);
    }

    public boolean stopped() {
        return stopReason.get() != null;
    }

    public String stopReason() {
        return stopReason.get();
    }

    /** The report: counts of this run, as stored in flow_run.summary and answered by the manual push. */
    public Map<String, Object> report() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("runId", id);
        r.put("trigger", trigger);
        r.put("from", from.toString());
        r.put("to", to.toString());
        r.put("dryRun", dryRun);
        r.put("staged", staged.added());
        r.put("restaged", staged.changed());
        r.put("unchanged", staged.unchanged());
        r.put("notMapped", staged.notMapped());
        r.put("batches", batches.get());
        r.put("sent", sent.get());
        r.put("posted", posted.get());
        r.put("failed", failed.get());
        r.put("dead", dead.get());
        r.put("ignored", ignored.get());
        r.put("dryRunValues", dryRunValues.get());
        r.put("notSent", notSent.get());
        r.put("status", stopped() ? "STOPPED" : "SUCCESS");
        if (stopped()) {
            r.put("error", stopReason());
        }
        return r;
    }
}
