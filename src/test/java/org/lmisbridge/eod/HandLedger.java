package org.lmisbridge.eod;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A small ledger written by hand in a test, and compact views of what End-of-Day made of it. */
final class HandLedger {

    private final DataSource ds;
    private int minute;

    HandLedger(DataSource ds) {
        this.ds = ds;
    }

    HandLedger store(long id, String code, Long parent) {
        exec("INSERT INTO store (id, code, name, supplying_store_id, is_central) VALUES (?, ?, ?, ?, ?)",
                id, code, code, parent, parent == null);
        return this;
    }

    HandLedger item(long id, String code) {
        exec("INSERT INTO item (id, code, name) VALUES (?, ?, ?)", id, code, code);
        return this;
    }

    HandLedger batch(long store, long item, String number, LocalDate expiry, long quantity) {
        exec("INSERT INTO stock_batch (store_id, item_id, batch_number, expiry_date, quantity_on_hand)"
                + " VALUES (?, ?, ?, ?, ?)", store, item, number, Date.valueOf(expiry), quantity);
        return this;
    }

    /** A ledger row keyed in on its own day (09:00 plus a minute per row). */
    HandLedger tx(long store, long item, String type, long quantity, LocalDate day, long balanceAfter) {
        return tx(store, item, type, quantity, day, balanceAfter, day.atTime(9, 0).plusMinutes(minute++));
    }

    HandLedger tx(long store, long item, String type, long quantity, LocalDate day, long balanceAfter,
                  LocalDateTime enteredAt) {
        exec("INSERT INTO stock_transaction (store_id, item_id, tx_type, quantity, tx_date, entered_at, balance_after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", store, item, type, quantity, Date.valueOf(day),
                Timestamp.valueOf(enteredAt), balanceAfter);
        return this;
    }

    void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The day's rows as "STORE ITEM opening arrivals requisitions distributions returnsIn returnsOut adjustments
     * dispensing wastage closing ledger discrepancy", by store code and item code.
     */
    List<String> summary(LocalDate day) {
        return strings("SELECT st.code, i.code, s.opening_balance, s.arrivals, s.requisitions_received,"
                + " s.distributions_out, s.returns_in, s.returns_out, s.adjustments, s.dispensing, s.wastage,"
                + " s.closing_balance, s.ledger_balance, s.discrepancy FROM daily_summary s"
                + " JOIN store st ON st.id = s.store_id JOIN item i ON i.id = s.item_id"
                + " WHERE s.summary_date = DATE '" + day + "' ORDER BY st.code, i.code");
    }

    /** The period's indicators as "STORE ITEM INDICATOR value" (value with trailing zeros dropped, or null). */
    List<String> indicators(String period) {
        return strings("SELECT st.code, i.code, s.indicator, s.indicator_value FROM stock_indicator s"
                + " JOIN store st ON st.id = s.store_id JOIN item i ON i.id = s.item_id"
                + " WHERE s.period = '" + period + "' ORDER BY st.code, i.code, s.indicator");
    }

    List<String> strings(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof BigDecimal d) {
                        v = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
                    }
                    b.append(i == 1 ? "" : " ").append(v);
                }
                rows.add(b.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
