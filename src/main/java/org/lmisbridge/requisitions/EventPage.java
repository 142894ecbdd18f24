package org.lmisbridge.requisitions;

import java.util.List;

/**
 * One page of order events and whether DHIS2 has more after it.
 *
 * @param page    the page number DHIS2 answered (from 1)
 * @param hasMore true when the answer says, or suggests, that another page follows
 */
public record EventPage(int page, List<OrderEvent> events, boolean hasMore) {
}
