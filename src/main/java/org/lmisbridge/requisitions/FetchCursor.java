package org.lmisbridge.requisitions;

import java.time.LocalDateTime;

/**
 * Where the next request of a fetch starts. Pages are read in {@code updatedAt} order, and after each page the
 * cursor moves to just before the page's last {@code updatedAt} and starts again at page 1 (keyset paging), so
 * events changed in DHIS2 while the fetch runs move behind the cursor instead of shifting the pages still to come.
 * When a whole page shares one {@code updatedAt} (more ties than a page holds), the cursor cannot move and the next
 * page number is asked instead. Events at the boundary are fetched twice; the idempotency marks skip them.
 *
 * @param updatedAfter the {@code updatedAfter} of the next request, or null for none
 * @param page         the page number of the next request, from 1
 */
public record FetchCursor(LocalDateTime updatedAfter, int page) {

    public static FetchCursor startingAt(LocalDateTime updatedAfter) {
        return new FetchCursor(updatedAfter, 1);
    }

    /** The cursor after a page was read: null when there is nothing more to ask. */
    public FetchCursor after(EventPage answer) {
        if (!answer.hasMore() || answer.events().isEmpty()) {
            return null;
        }
        LocalDateTime last = null;
        for (OrderEvent e : answer.events()) {
            if (last == null || e.updatedAt().isAfter(last)) {
                last = e.updatedAt();
            }
        }
        LocalDateTime next = last.minusNanos(1_000_000);
        if (updatedAfter == null || next.isAfter(updatedAfter)) {
            return new FetchCursor(next, 1);
        }
        return new FetchCursor(updatedAfter, page + 1);
    }
}
