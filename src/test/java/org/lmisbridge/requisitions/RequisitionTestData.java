package org.lmisbridge.requisitions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.lmisbridge.sandbox.TrackerEvent;

/**
 * LMIS stores and items matching the sandbox's default org units, and order events to add to the sandbox:
 * FAC_001/FAC_002 supplied by DIST_A, FAC_004 by DIST_B, FAC_003 without a supplying store, OuFacility5 without a
 * store; items AMOX250, PARA500, ORS.
 */
public final class RequisitionTestData {

    public static final String PROGRAM = "PrLmisOrd01";
    public static final String STAGE = "PsLmisOrd01";

    private RequisitionTestData() {
    }

    public static void lmis(DataSource ds) {
        exec(ds,
                "INSERT INTO store (code, name, is_central, org_unit_uid) VALUES ('NAT', 'National', TRUE, 'OuNational1')",
                "INSERT INTO store (code, name, supplying_store_id, org_unit_uid) SELECT 'DIST_A', 'District A', id,"
                        + " 'OuDistrictA' FROM store WHERE code = 'NAT'",
                "INSERT INTO store (code, name, supplying_store_id, org_unit_uid) SELECT 'DIST_B', 'District B', id,"
                        + " 'OuDistrictB' FROM store WHERE code = 'NAT'",
                "INSERT INTO store (code, name, supplying_store_id, org_unit_uid) SELECT 'FAC_001', 'Facility 1', id,"
                        + " 'OuFacility1' FROM store WHERE code = 'DIST_A'",
                "INSERT INTO store (code, name, supplying_store_id, org_unit_uid) SELECT 'FAC_002', 'Facility 2', id,"
                        + " 'OuFacility2' FROM store WHERE code = 'DIST_A'",
                "INSERT INTO store (code, name, org_unit_uid) VALUES ('FAC_003', 'Facility 3', 'OuFacility3')",
                "INSERT INTO store (code, name, supplying_store_id, org_unit_uid) SELECT 'FAC_004', 'Facility 4', id,"
                        + " 'OuFacility4' FROM store WHERE code = 'DIST_B'",
                "INSERT INTO item (code, name) VALUES ('AMOX250', 'Amoxicillin 250mg')",
                "INSERT INTO item (code, name) VALUES ('PARA500', 'Paracetamol 500mg')",
                "INSERT INTO item (code, name) VALUES ('ORS', 'Oral rehydration salts')");
    }

    /** Forgets every import so a test starts from nothing (stores and items stay). */
    static void forgetImports(DataSource ds) {
        exec(ds, "DELETE FROM requisition_line", "DELETE FROM requisition", "DELETE FROM rejected_input",
                "DELETE FROM camel_messageprocessed", "DELETE FROM watermark", "DELETE FROM flow_run",
                "DELETE FROM dead_letter");
    }

    /** A completed order line; reference and stock on hand may be null. */
    public static TrackerEvent order(String uid, String orgUnit, String day, String item, String quantity, String soh,
                              String reference, Instant updatedAt) {
        Map<String, String> values = new HashMap<>();
        if (item != null) {
            values.put("DeItemCode1", item);
        }
        if (quantity != null) {
            values.put("DeOrderQty1", quantity);
        }
        if (soh != null) {
            values.put("DeSohRepo01", soh);
        }
        if (reference != null) {
            values.put("DeOrderRef1", reference);
        }
        return TrackerEvent.of(PROGRAM, STAGE, orgUnit, "COMPLETED", day, values).uid(uid).updatedAt(updatedAt);
    }

    public static void exec(DataSource ds, String... statements) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
