package org.lmisbridge.push;

import java.util.List;

/** A batch of outbox values and the JSON payload that carries them, in the same order. */
public record Batch(int number, List<OutboxRow> rows, byte[] payload) {

    @Override
    public String toString() {
        return "batch " + number + " (" + rows.size() + " values, " + payload.length + " bytes)";
    }
}
