package org.lmisbridge.consignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.sql.NamedSql;

/** The flow's SQL, unchanged, on H2 and PostgreSQL: applying receipts, the RTS queue, the watermark, packing lists. */
class ConsignmentSqlTest {

    private static final ConsignmentSettings SETTINGS = new ConsignmentSettings("PrReceipt01", "PsReceipt01",
            "DeConsign01", Optional.of("DeItemCode1"), Optional.of("DeRecvQty01"), "PrRts000001", "PsRts000001",
            "TetItem0001", "TeaItemCod1", "DeRtsRecv01", "DeRtsPrev01", "DeRtsSoh001", 50, 3, 100, true);

    private static void setUp(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO store (id, code, name, is_central) VALUES (1, 'NAT', 'Central', TRUE)");
            s.executeUpdate("INSERT INTO store (id, code, name, org_unit_code) VALUES (2, 'FAC_1', 'Facility 1', 'FAC_1')");
            s.executeUpdate("INSERT INTO org_unit (uid, code, name) VALUES ('OuFacility1', 'FAC_1', 'Facility 1')");
            s.executeUpdate("INSERT INTO item (id, code, name) VALUES (1, 'AMOX', 'Amoxicillin'), (2, 'PARA', 'Paracetamol')");
            s.executeUpdate("INSERT INTO stock_batch (id, item_id, store_id, batch_number, expiry_date) "
                    + "VALUES (1, 1, 1, 'B-77', DATE '2027-06-30')");
            s.executeUpdate("INSERT INTO shipment (id, consignment_number, from_store_id, to_store_id, shipped_at) "
                    + "VALUES (1, 'CN-1', 1, 2, TIMESTAMP '2026-11-15 08:00:00')");
            s.executeUpdate("INSERT INTO shipment_line (id, shipment_id, item_id, batch_id, quantity_sent) "
                    + "VALUES (11, 1, 1, 1, 100), (12, 1, 2, NULL, 20)");
        }
    }

    private static ReceiptEvent receipt(String uid, String orgUnit, String item, String quantity) {
        return new ReceiptEvent(uid, orgUnit, LocalDateTime.parse("2026-11-20T00:00"),
                LocalDateTime.parse("2026-11-20T09:30"), "CN-1", item, quantity, "{}");
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void aReceiptIsAppliedOnceAndQueuesItsStockReceipts(DataSource ds) throws SQLException {
        setUp(ds);
        ConsignmentReceipts receipts = new ConsignmentReceipts(ds, SETTINGS);

        assertThat(receipts.apply(receipt("EvReceipt01", "OuFacility2", null, null))).isEqualTo("rejected");
        assertThat(receipts.apply(receipt("EvReceipt02", "OuFacility1", "PARA", "25"))).isEqualTo("applied");
        assertThat(receipts.apply(receipt("EvReceipt02", "OuFacility1", "PARA", "25"))).isEqualTo("alreadyApplied");
        assertThat(receipts.apply(receipt("EvReceipt03", "OuFacility1", null, null))).isEqualTo("rejected");
        assertThat(receipts.apply(receipt("EvReceipt03", "OuFacility1", null, null))).isEqualTo("alreadySetAside");

        List<Map<String, Object>> lines = NamedSql.parse("q",
                "SELECT id, quantity_received, discrepancy FROM shipment_line ORDER BY id").query(ds, Map.of());
        assertThat(lines.get(0)).containsEntry("quantity_received", 100L).containsEntry("discrepancy", 0L);
        assertThat(lines.get(1)).containsEntry("quantity_received", 25L).containsEntry("discrepancy", 5L);
        assertThat(NamedSql.parse("q", "SELECT COUNT(*) AS n FROM rejected_input").query(ds, Map.of()).get(0).get("n"))
                .isEqualTo(2L);

        List<Map<String, Object>> pending = NamedSql.load("rts-transaction-pending").query(ds, Map.of("limit", 10));
        assertThat(pending).extracting(r -> r.get("event_uid"))
                .containsExactly(RtsUids.event("CN-1", 11), RtsUids.event("CN-1", 12));
        NamedSql.load("rts-transaction-posted").update(ds, Map.of("lineId", 11L, "status", "POSTED",
                "previousBalance", 0L, "stockOnHand", 100L, "now", Instant.now()));
        for (int i = 0; i < 3; i++) {
            NamedSql.load("rts-transaction-failed").update(ds, Map.of("lineId", 12L, "reason", "E1029", "maxAttempts", 3));
        }
        assertThat(NamedSql.load("rts-transaction-status").query(ds, Map.of("lineId", 12L)).get(0))
                .containsEntry("status", "DEAD");
        NamedSql.load("rts-transaction-reopen").update(ds, Map.of("lineId", 12L));
        assertThat(NamedSql.load("rts-transaction-pending").query(ds, Map.of("limit", 10))).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void theWatermarkOnlyMovesForward(DataSource ds) {
        NamedSql insert = NamedSql.load("consignment-watermark-insert");
        NamedSql update = NamedSql.load("consignment-watermark-update");
        for (String t : new String[] {"2026-11-20 10:00:00", "2026-11-19 10:00:00", "2026-11-21 10:00:00"}) {
            Map<String, Object> p = Map.of("name", "w", "value", Timestamp.valueOf(t), "now", Instant.now());
            insert.update(ds, p);
            update.update(ds, p);
        }
        assertThat(NamedSql.load("consignment-watermark-read").query(ds, Map.of("name", "w")).get(0).get("value"))
                .isEqualTo(Timestamp.valueOf("2026-11-21 10:00:00"));
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void aPackingListIsDrawnFromTheShipmentTables(DataSource ds) throws SQLException {
        setUp(ds);
        assertThat(new PackingLists(ds).png("CN-1")).hasValueSatisfying(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
        assertThat(new PackingLists(ds).png("CN-2")).isEmpty();
    }
}
