package org.lmisbridge.demo;

/**
 * How much demo data to generate: stores (1 central, then districts, then facilities), items, days of ledger and
 * ledger transactions per day. The same size and seed always give the same data.
 */
public record DemoSize(int stores, int items, int days, int transactionsPerDay, long seed) {

    /** The default run: NAT, DIST_A, DIST_B, FAC_001..FAC_005; 12 items; 60 days of 200 transactions. */
    public static final DemoSize DEFAULT = new DemoSize(8, 12, 60, 200, 20240315L);

    public DemoSize {
        if (stores < 1) {
            throw new IllegalArgumentException("stores must be at least 1 but was " + stores);
        }
        if (items < 1) {
            throw new IllegalArgumentException("items must be at least 1 but was " + items);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1 but was " + days);
        }
        if (transactionsPerDay < 0) {
            throw new IllegalArgumentException("transactionsPerDay must not be negative but was " + transactionsPerDay);
        }
    }

    public long totalTransactions() {
        return (long) days * transactionsPerDay;
    }
}
