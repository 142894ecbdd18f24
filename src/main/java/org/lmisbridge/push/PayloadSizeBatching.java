package org.lmisbridge.push;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups items into batches that close at a maximum number of items or a maximum payload size in bytes, whichever
 * comes first. An item that alone is larger than the byte limit travels alone. The byte count is what the items
 * add to the payload: their own size, one separator between two, and a fixed envelope per batch.
 *
 * @param <T> the item
 */
public final class PayloadSizeBatching<T> {

    private final int maxItems;
    private final long maxBytes;
    private final int envelopeBytes;
    private List<T> items = new ArrayList<>();
    private long bytes;

    public PayloadSizeBatching(int maxItems, long maxBytes, int envelopeBytes) {
        if (maxItems < 1 || maxBytes < 1 || envelopeBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.envelopeBytes = envelopeBytes;
        this.bytes = envelopeBytes;
    }

    /**
     * Adds an item of that size. Answers the batch it closed to make room (the items before this one), or null
     * when the item fitted in the open batch.
     */
    public List<T> add(T item, int itemBytes) {
        List<T> closed = null;
        long grown = bytes + itemBytes + (items.isEmpty() ? 0 : 1);
        if (!items.isEmpty() && (items.size() >= maxItems || grown > maxBytes)) {
            closed = items;
            items = new ArrayList<>();
            bytes = envelopeBytes;
            grown = bytes + itemBytes;
        }
        items.add(item);
        bytes = grown;
        return closed;
    }

    /** True when the open batch is full by count: the next item will close it. */
    public boolean full() {
        return items.size() >= maxItems;
    }

    /** Closes and answers the open batch (empty when nothing was added since the last one). */
    public List<T> flush() {
        List<T> closed = items;
        items = new ArrayList<>();
        bytes = envelopeBytes;
        return closed;
    }

    /** The payload size of the open batch so far, envelope included. */
    public long openBytes() {
        return bytes;
    }
}
