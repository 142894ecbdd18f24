package org.lmisbridge.eod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-of-Day on a hand-built ledger, on H2 and PostgreSQL. Three stores (NAT supplies DIST supplies FAC), items A
 * and B, November 2026; every expected figure is worked out in the comments of {@link #ledger}.
 */
class EndOfDayLedgerTest {

    static final long NAT = 1;
    static final long DIST = 2;
    static final long FAC = 3;
    static final long A = 10;
    static final long B = 20;
    static final LocalDate OCT31 = LocalDate.of(2026, 10, 31);
    static final LocalDate NOV1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV2 = LocalDate.of(2026, 11, 2);
    static final LocalDate NOV3 = LocalDate.of(2026, 11, 3);
    static final LocalDate NOV4 = LocalDate.of(2026, 11, 4);
    static final LocalDate NOV5 = LocalDate.of(2026, 11, 5);

    // columns: opening arrivals requisitions distributions returnsIn returnsOut adjustments dispensing wastage
    //          closing ledger discrepancy
    static final List<String> NOV1_ROWS = List.of(
            "DIST A 0 300 0 100 10 0 0 0 0 210 210 0",      // 0 + 300 + 10 - 100
            "FAC A 0 100 0 0 0 10 -2 30 5 53 53 0",         // 0 + 100 - 10 - 2 - 30 - 5
            "NAT A 1000 500 200 300 0 0 0 0 0 1200 1200 0", // opens at the ledger's Oct 31 balance; 1000 + 500 - 300
            "NAT B 0 50 0 0 0 0 0 0 0 50 50 0");
    static final List<String> NOV2_ROWS = List.of(
            "DIST A 210 0 0 0 0 0 0 0 0 210 210 0",         // no movement: opening = closing, ledger carried
            "FAC A 53 0 0 0 0 0 0 53 0 0 0 0",              // dispensed everything: stocked out
            "NAT A 1200 0 0 0 0 0 0 0 0 1200 1200 0",
            "NAT B 50 0 0 0 0 0 0 0 0 50 50 0");
    static final List<String> NOV3_ROWS = List.of(
            "DIST A 210 0 0 0 0 0 0 0 0 210 210 0",         // (item 99 at DIST is rejected: unknown item, no row)
            "NAT A 1200 0 0 0 0 0 0 0 0 1200 1100 100",     // the LOAN of 100 is rejected: ledger 1100, closing 1200
            "NAT B 50 0 0 0 0 0 0 0 0 50 -10 60");          // dispensing 60 to -10 rejected: ledger -10, closing 50
    // FAC A has no row on Nov 3: no stock and no movement
    static final List<String> NOV4_ROWS = List.of(
            "DIST A 210 0 0 40 0 0 0 0 0 170 170 0",
            "FAC A 0 40 0 0 0 0 0 0 0 40 40 0",
            "NAT A 1200 0 0 0 0 0 0 0 0 1200 1100 100",     // the discrepancy stays until the ledger is corrected
            "NAT B 50 0 0 0 0 0 0 0 0 50 -10 60");

    /**
     * The ledger. balance_after is the LMIS running balance per store and item.
     * <pre>
     * Oct 31  NAT A arrival 1000 -> 1000              (before the first frozen day: Nov 1 opens at 1000)
     * Nov 1   NAT A arrival 500 -> 1500, distribution 300 -> 1200, requisition received 200 (no stock effect)
     *         DIST A arrival 300 -> 300, distribution 100 -> 200, return in 10 -> 210
     *         FAC A arrival 100 -> 100, dispensing 30 -> 70, wastage 5 -> 65, adjustment -2 -> 63, return out 10 -> 53
     *         NAT B arrival 50 -> 50
     * Nov 2   FAC A dispensing 53 -> 0
     * Nov 3   NAT B dispensing 60 -> -10 (negative balance: rejected)
     *         NAT A LOAN 100 -> 1100 (type LOAN feeds no summary column: rejected)
     *         DIST item 99 arrival 5 -> 5 (unknown item: rejected)
     * Nov 4   DIST A distribution 40 -> 170; FAC A arrival 40 -> 40
     * Batches FAC A: 25 expiring 2026-11-30 (within 90 days of Nov 4), 15 expired 2026-10-20; NAT A: 1200 in 2027
     * </pre>
     */
    static HandLedger ledger(DataSource ds) {
        HandLedger l = new HandLedger(ds);
        l.exec("ALTER TABLE stock_transaction DROP CONSTRAINT fk_stock_transaction_item"); // an LMIS without the FK
        l.exec("INSERT INTO transaction_type (code, name, stock_sign, summary_column) VALUES ('LOAN', 'Loan', -1, 'loans')");
        l.store(NAT, "NAT", null).store(DIST, "DIST", NAT).store(FAC, "FAC", DIST).item(A, "A").item(B, "B");
        l.tx(NAT, A, "ARRIVAL", 1000, OCT31, 1000);
        l.tx(NAT, A, "ARRIVAL", 500, NOV1, 1500).tx(NAT, A, "DISTRIBUTION", 300, NOV1, 1200)
                .tx(DIST, A, "ARRIVAL", 300, NOV1, 300).tx(NAT, A, "REQUISITION_RECEIVED", 200, NOV1, 1200)
                .tx(DIST, A, "DISTRIBUTION", 100, NOV1, 200).tx(FAC, A, "ARRIVAL", 100, NOV1, 100)
                .tx(FAC, A, "DISPENSING", 30, NOV1, 70).tx(FAC, A, "WASTAGE", 5, NOV1, 65)
                .tx(FAC, A, "ADJUSTMENT", -2, NOV1, 63).tx(FAC, A, "RETURN_OUT", 10, NOV1, 53)
                .tx(DIST, A, "RETURN_IN", 10, NOV1, 210).tx(NAT, B, "ARRIVAL", 50, NOV1, 50);
        l.tx(FAC, A, "DISPENSING", 53, NOV2, 0);
        l.tx(NAT, B, "DISPENSING", 60, NOV3, -10).tx(NAT, A, "LOAN", 100, NOV3, 1100).tx(DIST, 99, "ARRIVAL", 5, NOV3, 5);
        l.tx(DIST, A, "DISTRIBUTION", 40, NOV4, 170).tx(FAC, A, "ARRIVAL", 40, NOV4, 40);
        l.batch(FAC, A, "F1", LocalDate.of(2026, 11, 30), 25).batch(FAC, A, "F2", LocalDate.of(2026, 10, 20), 15)
                .batch(NAT, A, "N1", LocalDate.of(2027, 6, 1), 1200);
        return l;
    }

    static EndOfDay endOfDay(DataSource ds, LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
        return new EndOfDay(ds, clock, Optional.of(NOV1), 3, true);
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void catchesUpThreeMissedDaysOldestFirstWithEveryColumnWorkedOutByHand(DataSource ds) {
        HandLedger l = ledger(ds);

        Map<String, Object> first = endOfDay(ds, NOV2).runDue("schedule");
        assertThat(first).containsEntry("frozen", 1);
        assertThat(l.summary(NOV1)).containsExactlyElementsOf(NOV1_ROWS);
        assertThat(l.summary(NOV2)).isEmpty();

        // the bridge was down on Nov 3, 4 and 5: the run of Nov 5 freezes Nov 2, 3 and 4, in that order
        Map<String, Object> catchUp = endOfDay(ds, NOV5).runDue("schedule");
        assertThat(catchUp).containsEntry("frozen", 3).containsEntry("rejected", 3);
        assertThat(days(catchUp)).containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        assertThat(l.summary(NOV2)).containsExactlyElementsOf(NOV2_ROWS);
        assertThat(l.summary(NOV3)).containsExactlyElementsOf(NOV3_ROWS);
        assertThat(l.summary(NOV4)).containsExactlyElementsOf(NOV4_ROWS);
        assertThat(l.strings("SELECT summary_date, status, rows_frozen, max_entered_at FROM eod_run ORDER BY summary_date"))
                .containsExactly("2026-11-01 FROZEN 4 2026-11-01 09:12:00.0", "2026-11-02 FROZEN 4 2026-11-02 09:13:00.0",
                        "2026-11-03 FROZEN 3 2026-11-03 09:16:00.0", "2026-11-04 FROZEN 4 2026-11-04 09:18:00.0");
        assertThat(l.strings("SELECT COUNT(*) FROM daily_summary WHERE restated")).containsExactly("0");

        // bad data is set aside with the reason, once
        assertThat(l.strings("SELECT flow, reason FROM rejected_input ORDER BY reason")).containsExactly(
                "end-of-day negative balance -10",
                "end-of-day transaction type LOAN feeds no summary column (summary_column loans)",
                "end-of-day unknown item 99");
        assertThat(l.strings("SELECT flow, trigger, status, summary FROM flow_run ORDER BY id")).containsExactly(
                "end-of-day schedule SUCCESS {\"frozen\":1,\"restated\":0,\"changedRows\":0,\"rejected\":0}",
                "end-of-day schedule SUCCESS {\"frozen\":3,\"restated\":0,\"changedRows\":0,\"rejected\":3}");

        // nothing is due the same day again; today (Nov 5) is never frozen
        assertThat(endOfDay(ds, NOV5).runDue("schedule")).containsEntry("frozen", 0).containsEntry("restated", 0);
        assertThat(l.strings("SELECT COUNT(*) FROM eod_run WHERE summary_date >= DATE '2026-11-05'")).containsExactly("0");
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void computesEveryIndicatorOfTheMonthAndTheDay(DataSource ds) {
        HandLedger l = ledger(ds);
        endOfDay(ds, NOV5).runDue("schedule");

        // 4 frozen days in November (1..4). AMC over 3 months (Sep..Nov, only Nov has consumption) = ISSUED / 3.
        assertThat(l.indicators("202611")).containsExactly(
                "DIST A ADJUSTMENTS 0",
                "DIST A AVERAGE_MONTHLY_CONSUMPTION 46.6667",   // issued 140 / 3
                "DIST A DAYS_OUT_OF_STOCK 0",
                "DIST A EXPIRED 0",
                "DIST A EXPIRING_WITHIN_90_DAYS 0",
                "DIST A ISSUED 140",                            // distributions 100 + 40
                "DIST A MONTHS_OF_STOCK 3.6429",                // 170 / (140 / 3)
                "DIST A RECEIVED 310",                          // arrivals 300 + returns in 10
                "DIST A STOCKED_OUT 0",
                "DIST A STOCK_END_OF_MONTH 170",
                "DIST A STOCK_ON_HAND 170",
                "DIST A STOCK_START_OF_MONTH 0",
                "DIST A WASTAGE_RATE 0",
                "FAC A ADJUSTMENTS -2",
                "FAC A AVERAGE_MONTHLY_CONSUMPTION 27.6667",    // dispensing 30 + 53 = 83; 83 / 3
                "FAC A DAYS_OUT_OF_STOCK 2",                    // Nov 2 closed at 0, Nov 3 no stock (no row)
                "FAC A EXPIRED 15",
                "FAC A EXPIRING_WITHIN_90_DAYS 25",
                "FAC A ISSUED 83",
                "FAC A MONTHS_OF_STOCK 1.4458",                 // 40 / (83 / 3)
                "FAC A RECEIVED 140",                           // arrivals 100 + 40
                "FAC A STOCKED_OUT 1",
                "FAC A STOCK_END_OF_MONTH 40",
                "FAC A STOCK_ON_HAND 40",
                "FAC A STOCK_START_OF_MONTH 0",
                "FAC A WASTAGE_RATE 3.5714",                    // 100 * 5 / (0 + 140)
                "NAT A ADJUSTMENTS 0",
                "NAT A AVERAGE_MONTHLY_CONSUMPTION 100",        // distributions 300 / 3
                "NAT A DAYS_OUT_OF_STOCK 0",
                "NAT A EXPIRED 0",
                "NAT A EXPIRING_WITHIN_90_DAYS 0",
                "NAT A ISSUED 300",
                "NAT A MONTHS_OF_STOCK 12",                     // 1200 / 100
                "NAT A RECEIVED 500",
                "NAT A STOCKED_OUT 0",
                "NAT A STOCK_END_OF_MONTH 1200",
                "NAT A STOCK_ON_HAND 1200",
                "NAT A STOCK_START_OF_MONTH 1000",              // Nov 1 opening
                "NAT A WASTAGE_RATE 0",                         // 0 / (1000 + 500)
                "NAT B ADJUSTMENTS 0",
                "NAT B AVERAGE_MONTHLY_CONSUMPTION 0",
                "NAT B DAYS_OUT_OF_STOCK 0",
                "NAT B EXPIRED 0",
                "NAT B EXPIRING_WITHIN_90_DAYS 0",
                "NAT B ISSUED 0",                               // the dispensing of Nov 3 was rejected
                "NAT B MONTHS_OF_STOCK null",                   // no consumption: undefined
                "NAT B RECEIVED 50",
                "NAT B STOCKED_OUT 0",
                "NAT B STOCK_END_OF_MONTH 50",
                "NAT B STOCK_ON_HAND 50",
                "NAT B STOCK_START_OF_MONTH 0",
                "NAT B WASTAGE_RATE 0");
        assertThat(l.indicators("20261102")).containsExactly(
                "DIST A STOCK_ON_HAND 210", "FAC A STOCK_ON_HAND 0", "NAT A STOCK_ON_HAND 1200", "NAT B STOCK_ON_HAND 50");
        assertThat(l.indicators("20261103")).containsExactly(
                "DIST A STOCK_ON_HAND 210", "NAT A STOCK_ON_HAND 1200", "NAT B STOCK_ON_HAND 50");
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void aBackdatedEntryRestatesItsDayAndTheLaterDaysAndMarksOnlyChangedRows(DataSource ds) {
        HandLedger l = ledger(ds);
        endOfDay(ds, NOV5).runDue("schedule");
        List<String> stampsBefore = l.strings("SELECT st.code, i.code, s.summary_date, s.computed_at FROM daily_summary s"
                + " JOIN store st ON st.id = s.store_id JOIN item i ON i.id = s.item_id"
                + " WHERE NOT (st.code = 'FAC') ORDER BY 1, 2, 3");
        String facIssuedBefore = l.strings("SELECT computed_at FROM stock_indicator WHERE store_id = 3"
                + " AND period = '202611' AND indicator = 'RECEIVED'").get(0);

        // keyed in on Nov 5 for Nov 2: FAC A received 20 (the LMIS balance after it: 20)
        l.tx(FAC, A, "ARRIVAL", 20, NOV2, 20, LocalDateTime.of(2026, 11, 5, 8, 0));
        Map<String, Object> run = endOfDay(ds, NOV5).runDue("schedule");

        assertThat(run).containsEntry("frozen", 0).containsEntry("restated", 3);
        assertThat(run.get("backdatedDays")).isEqualTo(List.of("2026-11-02"));
        assertThat(l.summary(NOV2)).contains("FAC A 53 20 0 0 0 0 0 53 0 20 20 0");   // 53 + 20 - 53
        assertThat(l.summary(NOV3)).contains("FAC A 20 0 0 0 0 0 0 0 0 20 20 0");     // now holds stock: a row
        assertThat(l.summary(NOV4)).contains("FAC A 20 40 0 0 0 0 0 0 0 60 40 20");   // the LMIS still says 40
        assertThat(l.strings("SELECT s.summary_date FROM daily_summary s WHERE s.restated ORDER BY 1"))
                .containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        // rows that did not change keep their computed_at: the push does not send them again
        assertThat(l.strings("SELECT st.code, i.code, s.summary_date, s.computed_at FROM daily_summary s"
                + " JOIN store st ON st.id = s.store_id JOIN item i ON i.id = s.item_id"
                + " WHERE NOT (st.code = 'FAC') ORDER BY 1, 2, 3")).isEqualTo(stampsBefore);
        assertThat(l.strings("SELECT summary_date, status FROM eod_run ORDER BY 1")).containsExactly(
                "2026-11-01 FROZEN", "2026-11-02 RESTATED", "2026-11-03 RESTATED", "2026-11-04 RESTATED");
        assertThat(l.indicators("202611")).contains("FAC A RECEIVED 160", "FAC A DAYS_OUT_OF_STOCK 0",
                "FAC A STOCKED_OUT 0", "FAC A STOCK_ON_HAND 60");
        assertThat(l.strings("SELECT computed_at FROM stock_indicator WHERE store_id = 3"
                + " AND period = '202611' AND indicator = 'RECEIVED'").get(0)).isGreaterThan(facIssuedBefore);
        assertThat(l.indicators("20261103")).contains("FAC A STOCK_ON_HAND 20");

        // detected once: the next run finds nothing to restate
        assertThat(endOfDay(ds, NOV5).runDue("schedule")).containsEntry("restated", 0);
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void runningDaysAgainOnDemandGivesTheSameRowsAndNeverADayNotEnded(DataSource ds) {
        HandLedger l = ledger(ds);
        endOfDay(ds, NOV5).runDue("schedule");
        String all = "SELECT * FROM daily_summary ORDER BY store_id, item_id, summary_date";
        List<String> before = l.strings(all);
        List<String> indicatorsBefore = l.strings("SELECT * FROM stock_indicator ORDER BY 1, 2, 3, 4");

        Map<String, Object> again = endOfDay(ds, NOV5).runRange("2026-11-01", "2026-11-04", "on-demand");

        assertThat(again).containsEntry("restated", 4).containsEntry("changedRows", 0);
        assertThat(l.strings(all)).isEqualTo(before);
        assertThat(l.strings("SELECT * FROM stock_indicator ORDER BY 1, 2, 3, 4")).isEqualTo(indicatorsBefore);
        assertThat(l.strings("SELECT COUNT(*) FROM rejected_input")).containsExactly("3");
        assertThatThrownBy(() -> endOfDay(ds, NOV5).runRange("2026-11-04", "2026-11-05", "on-demand"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not ended");
        assertThatThrownBy(() -> endOfDay(ds, NOV5).runRange("2026-11-04", "2026-11-01", "on-demand"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void byDefaultAMonthsIndicatorsWaitForItsLastDay(DataSource ds) {
        HandLedger l = ledger(ds);
        Clock nov5 = Clock.fixed(NOV5.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
        new EndOfDay(ds, nov5, Optional.of(NOV1), 3, false).runDue("schedule");
        assertThat(l.indicators("202611")).isEmpty();
        assertThat(l.indicators("20261104")).hasSize(4);

        // October ends: freezing Oct 31 on demand computes October (NAT A held the 1000 of the Oct 31 arrival)
        new EndOfDay(ds, nov5, Optional.of(NOV1), 3, false).runRange("2026-10-31", null, "on-demand");
        assertThat(l.indicators("202610")).contains("NAT A STOCK_ON_HAND 1000", "NAT A RECEIVED 1000",
                "NAT A STOCK_START_OF_MONTH 0", "NAT A DAYS_OUT_OF_STOCK 0");
    }

    @SuppressWarnings("unchecked")
    private static List<String> days(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("days")).stream().map(d -> (String) d.get("day")).toList();
    }
}
