package org.lmisbridge.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.lmisbridge.db.Database;
import org.lmisbridge.db.DatabaseSettings;
import org.lmisbridge.demo.DemoDataGenerator;
import org.lmisbridge.demo.DemoSize;
import org.lmisbridge.eod.EndOfDay;

/**
 * End-of-Day on a generated ledger: {@code --transactions} ledger rows (default 1,000,000) over 31 days and
 * {@code --pairs} store-item pairs (default 100,000: 1,000 stores x 100 items), Oct 2 to Nov 1. Catches up the
 * first 30 days (Oct 2..31; the first opens from an empty history; October's monthly indicators are computed at its
 * end), then freezes Nov 1 alone, the steady nightly run, and prints both times and the peak heap.
 * {@code --catch-up-days N} catches up only the last N days before Nov 1 (the first of them opens from the ledger),
 * for a quicker figure of the nightly day alone: {@code --catch-up-days 1} skips the 7-minute catch-up at 1M. Runs on a fresh H2 file database in a temporary directory, or on {@code --url} (an empty
 * PostgreSQL database, e.g. jdbc:postgresql://localhost/bench?user=postgres).
 *
 * <pre>bench/run -Xmx1g EndOfDayBenchmark [--transactions 1000000] [--pairs 100000] [--url jdbc:...] [--catch-up-days 30]</pre>
 */
public final class EndOfDayBenchmark {

    private static final int DAYS = 31;

    private EndOfDayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long transactions = 1_000_000;
        int pairs = 100_000;
        String url = null;
        int catchUpDays = DAYS - 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--transactions" -> transactions = Long.parseLong(args[i + 1]);
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--url" -> url = args[i + 1];
                case "--catch-up-days" -> catchUpDays = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        int items = 100;
        int stores = Math.max(1, pairs / items);
        Path dir = null;
        if (url == null) {
            dir = Files.createTempDirectory("eod-bench");
            url = "jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        LocalDate lastDay = LocalDate.of(2026, 11, 1);
        if (catchUpDays < 1 || catchUpDays > DAYS - 1) {
            throw new IllegalArgumentException("--catch-up-days must be 1.." + (DAYS - 1));
        }
        // the catch-up freezes the last catchUpDays days before the nightly day (fewer: a quicker one-day figure)
        LocalDate catchUpFrom = lastDay.minusDays(catchUpDays);
        try (HikariDataSource ds = Database.open(new DatabaseSettings(url, url.startsWith("jdbc:h2") ? "sa" : null,
                null, 4))) {
            DemoSize size = new DemoSize(stores, items, DAYS, (int) Math.ceil((double) transactions / DAYS), 7L);
            System.out.printf("Generating %d stores x %d items, %d days x %d transactions ...%n",
                    stores, items, DAYS, size.transactionsPerDay());
            DemoDataGenerator.Summary generated = DemoDataGenerator.generate(ds, size, lastDay);
            System.out.println("Generated: " + generated);
            System.out.printf("Store-item pairs with ledger rows: %d%n", count(ds,
                    "SELECT COUNT(*) FROM (SELECT DISTINCT store_id, item_id FROM stock_transaction) p"));
            resetPeakHeap();

            // catch up 30 days: the bridge was "down" from the first day on; today is day 31
            EndOfDay catchUp = endOfDay(ds, lastDay, catchUpFrom);
            long t0 = System.nanoTime();
            Map<String, Object> r30 = catchUp.runDue("benchmark");
            long catchUpMs = (System.nanoTime() - t0) / 1_000_000;
            long rows30 = count(ds, "SELECT COUNT(*) FROM daily_summary");

            // the nightly run: day 31 alone, opening from day 30
            EndOfDay nightly = endOfDay(ds, lastDay.plusDays(1), catchUpFrom);
            long t1 = System.nanoTime();
            Map<String, Object> r1 = nightly.runDue("benchmark");
            long dayMs = (System.nanoTime() - t1) / 1_000_000;
            long rows1 = count(ds, "SELECT COUNT(*) FROM daily_summary WHERE summary_date = DATE '" + lastDay + "'");
            long txDay = count(ds, "SELECT COUNT(*) FROM stock_transaction WHERE tx_date = DATE '" + lastDay + "'");

            System.out.printf("Database: %s%n", Database.redact(url));
            System.out.printf("Catch-up of %d days (%s..Oct 31): %d ms (%s days frozen, %d summary rows; days %s ms,"
                    + " %.0f ms/day; October's monthly indicators at month end %s ms)%n", catchUpDays, catchUpFrom,
                    catchUpMs, r30.get("frozen"), rows30, r30.get("daysMs"),
                    ((Number) r30.get("daysMs")).longValue() / (double) catchUpDays, r30.get("indicatorsMs"));
            System.out.printf("One day (Nov 1, %d ledger rows, %d summary rows, %s frozen): %d ms%n",
                    txDay, rows1, r1.get("frozen"), dayMs);
            System.out.printf("Indicators: %d rows%n", count(ds, "SELECT COUNT(*) FROM stock_indicator"));
            System.out.printf("Peak heap: %d MB (max %d MB)%n", peakHeapBytes() / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            if (dir != null) {
                deleteRecursively(dir);
            }
        }
    }

    private static EndOfDay endOfDay(HikariDataSource ds, LocalDate today, LocalDate firstDay) {
        Clock clock = Clock.fixed(today.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
        return new EndOfDay(ds, clock, Optional.of(firstDay), 3, false);
    }

    private static long count(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
