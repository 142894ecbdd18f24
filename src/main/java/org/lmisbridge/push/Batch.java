package org.lmisbridge.push;

import java.util.List;

/**
 * A batch of outbox values and the JSON payload that carries them, in the same order; readAt is when the outbox
 * read that produced it began (a value restaged later is not marked posted by this batch).
 */
public record Batch(int number, List<OutboxRow> rows, byte[] payload, java.time.Instant readAt) {

    @Override
    public String toString() {
        return "batch " + number + " (" + rows.size() + " values, " + payload.length + " bytes)";
    }
}
