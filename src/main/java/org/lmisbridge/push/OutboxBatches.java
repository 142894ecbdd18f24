package org.lmisbridge.push;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.lmisbridge.sql.NamedSql;

/**
 * The values to send as a stream of batches: one query ({@code push-outbox-to-send.sql}) read with a fetch size on
 * its own connection, grouped by {@link PayloadSizeBatching}. A batch read waits while the run already has its
 * maximum of batches in flight, so memory holds at most that many batches plus one however large the outbox.
 * Stops early when the run is stopped. The split of the push route closes it when done.
 */
final class OutboxBatches implements Iterator<Batch>, Closeable {

    private final PushRun run;
    private final DataValuePayload payload;
    private final PayloadSizeBatching<Object[]> batching;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private Batch next;
    private boolean exhausted;
    private boolean closed;
    private int number;
    private final java.time.Instant readAt = java.time.Instant.now();

    OutboxBatches(DataSource dataSource, NamedSql sql, Map<String, Object> params, PushRun run,
                  DataValuePayload payload, int maxValues, long maxBytes, int fetchSize) {
        this.run = run;
        this.payload = payload;
        this.batching = new PayloadSizeBatching<>(maxValues, maxBytes, payload.envelopeBytes());
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(sql.jdbcSql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, params.get(sql.parameters().get(i)));
            }
            rows = statement.executeQuery();
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("SQL " + sql.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch b = next;
        next = null;
        return b;
    }

    /**
     * Reads the next batch, then waits for a free slot to hand it over (so the next batch is ready the moment a
     * batch in flight is answered); null at the end or when the run stopped.
     */
    private Batch read() {
        List<Object[]> closedBatch = null;
        try {
            while (closedBatch == null && !exhausted && !run.stopped()) {
                if (rows.next()) {
                    OutboxRow row = new OutboxRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), nonNull(rows.getString(5)), nonNull(rows.getString(6)),
                            rows.getString(7), rows.getString(8), rows.getInt(9));
                    byte[] json = payload.value(row);
                    closedBatch = batching.add(new Object[] {row, json}, json.length);
                } else {
                    exhausted = true;
                }
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Reading the outbox failed: " + e.getMessage(), e);
        }
        if (closedBatch == null && !run.stopped()) {
            closedBatch = batching.flush();
        }
        if (closedBatch == null || closedBatch.isEmpty()) {
            return end();
        }
        List<OutboxRow> batchRows = new ArrayList<>(closedBatch.size());
        List<byte[]> values = new ArrayList<>(closedBatch.size());
        for (Object[] o : closedBatch) {
            batchRows.add((OutboxRow) o[0]);
            values.add((byte[]) o[1]);
        }
        Batch batch = new Batch(++number, batchRows, payload.batch(values), readAt);
        try {
            run.inFlight().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return end();
        }
        if (run.stopped()) {
            run.inFlight().release();
            return end();
        }
        return batch;
    }

    private Batch end() {
        close();
        return null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException ignored) {
            // the read-only cursor is gone either way
        }
    }
}
