package org.lmisbridge.requisitions;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * One run of the requisition fetch: incremental (from the watermark, which it moves) or a manual pull of a range of
 * order dates (which leaves the watermark alone), with its cursor and counts.
 */
public final class FetchRun {

    private final long id;
    private final String trigger;
    private final PullRange range;
    private final OrderLineMapper mapper;
    private final RunCounts counts = new RunCounts();
    private FetchCursor cursor;
    private String error;
    private Set<String> previousPage = Set.of();

    FetchRun(long id, String trigger, PullRange range, FetchCursor start, OrderLineMapper mapper) {
        this.id = id;
        this.trigger = trigger;
        this.range = range;
        this.cursor = start;
        this.mapper = mapper;
    }

    public long id() {
        return id;
    }

    public String trigger() {
        return trigger;
    }

    /** True for the incremental fetch, whose committed pages move the watermark. */
    public boolean movesWatermark() {
        return range == null;
    }

    public PullRange range() {
        return range;
    }

    public FetchCursor cursor() {
        return cursor;
    }

    public boolean hasMorePages() {
        return cursor != null && error == null;
    }

    void advance(EventPage page) {
        cursor = cursor.after(page);
        Set<String> uids = new HashSet<>();
        page.events().forEach(e -> uids.add(e.versionKey()));
        previousPage = uids;
    }

    /** True for an event of the page before: fetched again at the cursor's boundary, already handled in this run. */
    boolean inPreviousPage(OrderEvent e) {
        return previousPage.contains(e.versionKey());
    }

    void fail(String why) {
        error = why == null ? "failed" : why;
    }

    public String error() {
        return error;
    }

    OrderLineMapper mapper() {
        return mapper;
    }

    public RunCounts counts() {
        return counts;
    }

    /** A manual pull: orders made (occurredAt) from one day to another, both included. */
    public record PullRange(LocalDate from, LocalDate to) {
        public PullRange {
            if (from == null || to == null) {
                throw new IllegalArgumentException("a pull needs \"from\" and \"to\" dates (yyyy-MM-dd)");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("\"to\" (" + to + ") is before \"from\" (" + from + ")");
            }
        }
    }
}
