package org.lmisbridge.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.lmisbridge.demo.DemoCatalog.DemoItem;
import org.lmisbridge.demo.DemoCatalog.DemoStore;

/**
 * Fills an empty LMIS reference schema with a deterministic demo: the store hierarchy, items, a stock ledger of
 * {@code days * transactionsPerDay} transactions ending on {@code lastDay}, and stock batches with expiry dates.
 *
 * <p>The ledger is realistic enough for the flows: arrivals at the central store, distributions down the hierarchy
 * (each with the matching arrival at the receiving store, or return out/return in), dispensing and wastage at
 * facilities, requisitions received by supplying stores, occasional signed adjustments. balance_after is the running
 * balance per store and item, kept in memory, and never goes negative: an issue from an empty store becomes a
 * resupply. Rows are written with JDBC batches of {@value #BATCH_SIZE}, committed after each batch: on H2 one
 * transaction of a million rows is half as fast and doubles the file, so a failed run leaves partial data (generate
 * into a fresh database again). On PostgreSQL add {@code reWriteBatchedInserts=true} to the URL for speed.
 */
public final class DemoDataGenerator {

    /** Rows per JDBC batch and per commit. */
    static final int BATCH_SIZE = 5_000;

    private static final String INSERT_TX = "INSERT INTO stock_transaction"
            + " (store_id, item_id, batch_id, tx_type, quantity, tx_date, entered_at, balance_after, reference)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** What a generate call wrote and how long it took. */
    public record Summary(int stores, int items, long transactions, long batches, Duration elapsed) {
        public double transactionsPerSecond() {
            double s = Math.max(elapsed.toNanos(), 1) / 1e9;
            return transactions / s;
        }

        @Override
        public String toString() {
            return String.format("%d stores, %d items, %d transactions, %d batches in %d ms (%.0f transactions/s)",
                    stores, items, transactions, batches, elapsed.toMillis(), transactionsPerSecond());
        }
    }

    private DemoDataGenerator() {
    }

    /** Generates the demo into {@code ds}, whose LMIS tables must be empty; the ledger's last day is lastDay. */
    public static Summary generate(DataSource ds, DemoSize size, LocalDate lastDay) {
        long start = System.nanoTime();
        List<DemoStore> stores = DemoCatalog.stores(size);
        List<DemoItem> items = DemoCatalog.items(size);
        try (Connection c = ds.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long[] storeIds = insertStores(c, stores);
                long[] itemIds = insertItems(c, items);
                Ledger ledger = new Ledger(size, stores, items.size(), storeIds, itemIds, lastDay, stockSigns(c));
                long transactions = ledger.write(c);
                long batches = insertBatches(c, ledger, size, lastDay);
                c.commit();
                return new Summary(stores.size(), items.size(), transactions, batches,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data generation failed: " + e.getMessage(), e);
        }
    }

    private static long[] insertStores(Connection c, List<DemoStore> stores) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM store")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("The store table is not empty; demo data goes into an empty database");
            }
        }
        String sql = "INSERT INTO store (code, name, supplying_store_id, is_central, org_unit_code, org_unit_uid)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        // parents come before children, so one pass with generated keys resolves supplying_store_id
        long[] ids = new long[stores.size()];
        Map<String, Long> idByCode = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            for (DemoStore s : stores) {
                ps.setString(1, s.code());
                ps.setString(2, s.name());
                if (s.parentCode() == null) {
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(3, idByCode.get(s.parentCode()));
                }
                ps.setBoolean(4, s.isCentral());
                ps.setString(5, s.code());
                ps.setString(6, s.orgUnitUid());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids[s.index()] = keys.getLong(1);
                }
                idByCode.put(s.code(), ids[s.index()]);
            }
        }
        return ids;
    }

    /** transaction_type.stock_sign by code: the ledger arithmetic comes from the table, not from this class. */
    private static Map<String, Long> stockSigns(Connection c) throws SQLException {
        Map<String, Long> signs = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, stock_sign FROM transaction_type")) {
            while (rs.next()) {
                signs.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (String type : List.of("ARRIVAL", "REQUISITION_RECEIVED", "DISTRIBUTION", "RETURN_IN", "RETURN_OUT",
                "ADJUSTMENT", "DISPENSING", "WASTAGE")) {
            if (!signs.containsKey(type)) {
                throw new IllegalStateException("transaction_type " + type + " is missing");
            }
        }
        return signs;
    }

    private static long[] insertItems(Connection c, List<DemoItem> items) throws SQLException {
        String sql = "INSERT INTO item (code, name, unit, universal_code, hmis_code, custom_field_1, custom_field_2,"
                + " custom_field_3, include_in_dhis2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (DemoItem i : items) {
                ps.setString(1, i.code());
                ps.setString(2, i.name());
                ps.setString(3, i.unit());
                ps.setString(4, i.universalCode());
                ps.setString(5, i.hmisCode());
                ps.setString(6, i.customField1());
                ps.setString(7, i.customField2());
                ps.setString(8, i.customField3());
                ps.setBoolean(9, i.includeInDhis2());
                ps.addBatch();
                if (++n % BATCH_SIZE == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        long[] ids = new long[items.size()];
        Map<String, Integer> indexByCode = new HashMap<>();
        for (DemoItem i : items) {
            indexByCode.put(i.code(), i.index());
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, code FROM item")) {
            while (rs.next()) {
                Integer index = indexByCode.get(rs.getString(2));
                if (index != null) {
                    ids[index] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /**
     * One or two batches per store and item with stock at the end, splitting the balance; expiry dates relative to
     * lastDay: about 1 in 10 expired, 1 in 5 within 90 days, the rest later.
     */
    private static long insertBatches(Connection c, Ledger ledger, DemoSize size, LocalDate lastDay)
            throws SQLException {
        SplittableRandom rnd = new SplittableRandom(size.seed() ^ 0x5DEECE66DL);
        String sql = "INSERT INTO stock_batch (item_id, store_id, batch_number, expiry_date, quantity_on_hand)"
                + " VALUES (?, ?, ?, ?, ?)";
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int pair = 0; pair < ledger.balance.length; pair++) {
                long balance = ledger.balance[pair];
                if (balance <= 0) {
                    continue;
                }
                int storeIndex = pair / ledger.itemCount;
                int itemIndex = pair % ledger.itemCount;
                int parts = balance > 1 && pair % 3 == 0 ? 2 : 1;
                long first = parts == 2 ? balance / 2 : balance;
                for (int b = 0; b < parts; b++) {
                    int roll = rnd.nextInt(10);
                    LocalDate expiry = roll == 0 ? lastDay.minusDays(1 + rnd.nextInt(60))
                            : roll <= 2 ? lastDay.plusDays(1 + rnd.nextInt(90))
                            : lastDay.plusDays(91 + rnd.nextInt(640));
                    ps.setLong(1, ledger.itemIds[itemIndex]);
                    ps.setLong(2, ledger.storeIds[storeIndex]);
                    ps.setString(3, String.format("B%06d-%d", pair, b + 1));
                    ps.setDate(4, Date.valueOf(expiry));
                    ps.setLong(5, b == 0 ? first : balance - first);
                    ps.addBatch();
                    if (++n % BATCH_SIZE == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** The in-memory ledger state: running balances per store and item, and the rules that pick transactions. */
    private static final class Ledger {
        final DemoSize size;
        final List<DemoStore> stores;
        final int itemCount;
        final long[] storeIds;
        final long[] itemIds;
        final long[] balance;
        final int[] parent;
        final int[][] children;
        final LocalDate firstDay;
        final SplittableRandom rnd;
        final Map<String, Long> signs;

        Ledger(DemoSize size, List<DemoStore> stores, int itemCount, long[] storeIds, long[] itemIds,
               LocalDate lastDay, Map<String, Long> signs) {
            this.signs = signs;
            this.size = size;
            this.stores = stores;
            this.itemCount = itemCount;
            this.storeIds = storeIds;
            this.itemIds = itemIds;
            this.balance = new long[stores.size() * itemCount];
            this.firstDay = lastDay.minusDays(size.days() - 1L);
            this.rnd = new SplittableRandom(size.seed());
            Map<String, Integer> indexByCode = new HashMap<>();
            for (DemoStore s : stores) {
                indexByCode.put(s.code(), s.index());
            }
            parent = new int[stores.size()];
            int[] childCount = new int[stores.size()];
            for (DemoStore s : stores) {
                parent[s.index()] = s.parentCode() == null ? -1 : indexByCode.get(s.parentCode());
                if (parent[s.index()] >= 0) {
                    childCount[parent[s.index()]]++;
                }
            }
            children = new int[stores.size()][];
            for (int i = 0; i < stores.size(); i++) {
                children[i] = new int[childCount[i]];
            }
            int[] fill = new int[stores.size()];
            for (DemoStore s : stores) {
                int p = parent[s.index()];
                if (p >= 0) {
                    children[p][fill[p]++] = s.index();
                }
            }
        }

        long write(Connection c) throws SQLException {
            long written = 0;
            try (PreparedStatement ps = c.prepareStatement(INSERT_TX)) {
                Writer w = new Writer(ps);
                for (int day = 0; day < size.days(); day++) {
                    LocalDate date = firstDay.plusDays(day);
                    w.startDay(date, size.transactionsPerDay());
                    while (w.today < size.transactionsPerDay()) {
                        nextMovement(w, size.transactionsPerDay() - w.today);
                    }
                }
                w.flush();
                written = w.total;
            }
            return written;
        }

        /** Writes one movement: one transaction, or two (issue + receipt) when room is left today. */
        private void nextMovement(Writer w, int roomToday) throws SQLException {
            int store = rnd.nextInt(stores.size());
            int item = rnd.nextInt(itemCount);
            int level = stores.get(store).level();
            int roll = rnd.nextInt(100);
            boolean pairRoom = roomToday >= 2;
            if (level == 1) {
                if (roll < 30 || children[store].length == 0) {
                    w.add(store, item, "ARRIVAL", between(500, 5000), "PO-" + w.date);
                } else if (roll < 75 && pairRoom) {
                    transfer(w, store, children[store][rnd.nextInt(children[store].length)], item,
                            between(100, 1000), "DISTRIBUTION", "ARRIVAL", "ISS-");
                } else if (roll < 90) {
                    w.add(store, item, "REQUISITION_RECEIVED", between(50, 800), "REQ-" + w.date);
                } else if (roll < 95) {
                    adjust(w, store, item, 20);
                } else {
                    issue(w, store, item, "WASTAGE", between(1, 20));
                }
            } else if (level == 2) {
                if (roll < 45 && pairRoom && children[store].length > 0) {
                    transfer(w, store, children[store][rnd.nextInt(children[store].length)], item,
                            between(20, 300), "DISTRIBUTION", "ARRIVAL", "ISS-");
                } else if (roll < 65) {
                    w.add(store, item, "REQUISITION_RECEIVED", between(20, 300), "REQ-" + w.date);
                } else if (roll < 85 && pairRoom) {
                    resupply(w, store, item, between(200, 2000));
                } else if (roll < 88 && pairRoom) {
                    transfer(w, store, parent[store], item, between(1, 30), "RETURN_OUT", "RETURN_IN", "RET-");
                } else if (roll < 94) {
                    adjust(w, store, item, 20);
                } else {
                    issue(w, store, item, "WASTAGE", between(1, 10));
                }
            } else {
                if (roll < 68) {
                    issue(w, store, item, "DISPENSING", between(1, 50));
                } else if (roll < 73) {
                    issue(w, store, item, "WASTAGE", between(1, 10));
                } else if (roll < 80) {
                    adjust(w, store, item, 10);
                } else if (roll < 83 && pairRoom) {
                    transfer(w, store, parent[store], item, between(1, 20), "RETURN_OUT", "RETURN_IN", "RET-");
                } else if (pairRoom) {
                    resupply(w, store, item, between(50, 400));
                } else {
                    issue(w, store, item, "DISPENSING", between(1, 50));
                }
            }
        }

        /** An issue of stock (dispensing, wastage): from an empty store it becomes an arrival instead. */
        private void issue(Writer w, int store, int item, String type, long wanted) throws SQLException {
            long have = balance[store * itemCount + item];
            if (have <= 0) {
                w.add(store, item, "ARRIVAL", wanted * 10, "RESUPPLY-" + w.date);
            } else {
                w.add(store, item, type, Math.min(wanted, have), null);
            }
        }

        /** A physical count: a signed adjustment that never takes the balance below zero. */
        private void adjust(Writer w, int store, int item, int maxAbs) throws SQLException {
            long have = balance[store * itemCount + item];
            long delta = between(1, maxAbs) * (rnd.nextBoolean() ? 1 : -1);
            if (have + delta < 0) {
                delta = -have;
            }
            if (delta == 0) {
                delta = between(1, maxAbs);
            }
            w.add(store, item, "ADJUSTMENT", delta, "COUNT-" + w.date);
        }

        /** The supplying store ships to this one; a plain arrival when there is no supplier or it has no stock. */
        private void resupply(Writer w, int store, int item, long wanted) throws SQLException {
            int from = parent[store];
            if (from < 0 || balance[from * itemCount + item] <= 0) {
                w.add(store, item, "ARRIVAL", wanted, "PO-" + w.date);
            } else {
                transfer(w, from, store, item, wanted, "DISTRIBUTION", "ARRIVAL", "ISS-");
            }
        }

        /** Stock leaves one store (outType) and arrives at another (inType), same quantity, same day. */
        private void transfer(Writer w, int from, int to, int item, long wanted, String outType, String inType,
                              String refPrefix) throws SQLException {
            long have = balance[from * itemCount + item];
            if (have <= 0) {
                w.add(from, item, "ARRIVAL", wanted * 2, "RESUPPLY-" + w.date);
                return;
            }
            long qty = Math.min(wanted, have);
            String ref = refPrefix + stores.get(from).code() + "-" + w.total;
            w.add(from, item, outType, qty, ref);
            w.add(to, item, inType, qty, ref);
        }

        private long between(int min, int max) {
            return min + rnd.nextInt(max - min + 1);
        }

        /** Batches ledger rows into the prepared statement and keeps balances and entry times. */
        private final class Writer {
            final PreparedStatement ps;
            long total;
            int today;
            int perDay;
            LocalDate date;
            Date sqlDate;
            LocalDateTime dayOpens;

            Writer(PreparedStatement ps) {
                this.ps = ps;
            }

            void startDay(LocalDate day, int transactionsToday) {
                date = day;
                sqlDate = Date.valueOf(day);
                dayOpens = day.atTime(7, 0);
                today = 0;
                perDay = Math.max(transactionsToday, 1);
            }

            void add(int store, int item, String type, long quantity, String reference) throws SQLException {
                int pair = store * itemCount + item;
                balance[pair] += signs.get(type) * quantity; // ADJUSTMENT: sign +1, quantity signed
                if (balance[pair] < 0) {
                    throw new IllegalStateException("negative balance for pair " + pair);
                }
                // entry times spread over 07:00-19:00 in generation order, so entered_at follows balance_after
                long millis = 12L * 3600 * 1000 * today / perDay;
                ps.setLong(1, storeIds[store]);
                ps.setLong(2, itemIds[item]);
                ps.setNull(3, Types.BIGINT);
                ps.setString(4, type);
                ps.setLong(5, quantity);
                ps.setDate(6, sqlDate);
                ps.setTimestamp(7, Timestamp.valueOf(dayOpens.plusNanos(millis * 1_000_000)));
                ps.setLong(8, balance[pair]);
                ps.setString(9, reference);
                ps.addBatch();
                today++;
                if (++total % BATCH_SIZE == 0) {
                    ps.executeBatch();
                    ps.getConnection().commit();
                }
            }

            void flush() throws SQLException {
                ps.executeBatch();
            }
        }
    }
}
