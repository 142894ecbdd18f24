package org.lmisbridge.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lmisbridge.sql.NamedSql;

/**
 * The store part of a sync, inside its transaction: reads stores, the fresh replica and the explicit
 * suppliers, lets {@link StoreHierarchy} decide, then rewrites store_org_unit, attaches stores that
 * have no supplier yet and (metadata.create-stores=true) creates stores for new facility org units.
 */
final class StoreCheck {

    private final StoreHierarchy.MatchBy matchBy;
    private final int facilityLevel;

    StoreCheck(StoreHierarchy.MatchBy matchBy, int facilityLevel) {
        this.matchBy = matchBy;
        this.facilityLevel = facilityLevel;
    }

    Map<String, Object> run(Connection c) throws SQLException {
        List<StoreHierarchy.Store> stores = new ArrayList<>();
        for (Map<String, Object> r : rows(c, "metadata-stores")) {
            stores.add(new StoreHierarchy.Store(((Number) r.get("id")).longValue(), (String) r.get("code"),
                    (String) r.get("name"), r.get("supplying_store_id") == null ? null
                            : ((Number) r.get("supplying_store_id")).longValue(),
                    Boolean.TRUE.equals(r.get("is_central")), (String) r.get("org_unit_code"),
                    (String) r.get("org_unit_uid")));
        }
        List<StoreHierarchy.OrgUnit> orgUnits = new ArrayList<>();
        for (Map<String, Object> r : rows(c, "metadata-org-units")) {
            orgUnits.add(new StoreHierarchy.OrgUnit((String) r.get("uid"), (String) r.get("code"),
                    (String) r.get("name"), r.get("level") == null ? null : ((Number) r.get("level")).intValue(),
                    (String) r.get("path"), (String) r.get("status")));
        }
        Map<String, Long> explicit = new HashMap<>();
        for (Map<String, Object> r : rows(c, "metadata-org-unit-suppliers")) {
            explicit.put((String) r.get("org_unit_uid"), ((Number) r.get("supplying_store_id")).longValue());
        }

        StoreHierarchy.Outcome outcome = new StoreHierarchy(matchBy, orgUnits, explicit).check(stores, facilityLevel);
        Instant now = Instant.now();
        NamedSql insertCheck = MetadataSync.sql("store-org-unit-insert");
        MetadataSync.sql("store-org-unit-clear").update(c, Map.of());
        int mapped = 0;
        for (StoreHierarchy.Check check : outcome.checks()) {
            Map<String, Object> v = new HashMap<>();
            v.put("storeId", check.storeId());
            v.put("storeCode", check.storeCode());
            v.put("matchBy", matchBy.name());
            v.put("reference", check.reference());
            v.put("orgUnitUid", check.orgUnitUid());
            v.put("status", check.status());
            v.put("reason", check.reason());
            v.put("suggestedSupplierId", check.suggestedSupplierId());
            v.put("now", now);
            insertCheck.update(c, v);
            mapped += check.mapped() ? 1 : 0;
        }
        int attached = 0;
        for (StoreHierarchy.Attachment a : outcome.attachments()) {
            attached += MetadataSync.sql("store-attach-supplier").update(c,
                    Map.of("storeId", a.storeId(), "supplierId", a.supplierId()));
        }
        int created = 0;
        for (StoreHierarchy.NewStore s : outcome.newStores()) {
            Map<String, Object> v = new HashMap<>();
            v.put("code", s.code());
            v.put("name", s.name());
            v.put("supplierId", s.supplierId());
            v.put("orgUnitCode", s.orgUnitCode());
            v.put("orgUnitUid", s.orgUnitUid());
            created += MetadataSync.sql("store-create-for-org-unit").update(c, v);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("storesMapped", mapped);
        summary.put("storesUnmapped", outcome.checks().size() - mapped);
        summary.put("storesAttached", attached);
        summary.put("storesCreated", created);
        return summary;
    }

    private static List<Map<String, Object>> rows(Connection c, String name) throws SQLException {
        NamedSql sql = MetadataSync.sql(name);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.jdbcSql()); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
