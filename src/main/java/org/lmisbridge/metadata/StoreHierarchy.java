package org.lmisbridge.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks LMIS stores against the org-unit replica and works out the supplying store DHIS2's
 * hierarchy gives each one. Pure: the caller reads the rows and writes the outcome.
 *
 * <p>A store maps to the org unit whose code (or UID, {@link MatchBy}) it carries. Its supplier is
 * the store an integrator set for its org unit in {@code org_unit_supplier}, otherwise the store of
 * the nearest ancestor org unit (DHIS2 {@code path}) that is mapped to a store.
 */
public final class StoreHierarchy {

    public enum MatchBy { CODE, UID }

    public record Store(long id, String code, String name, Long supplyingStoreId, boolean central,
                        String orgUnitCode, String orgUnitUid) {
    }

    public record OrgUnit(String uid, String code, String name, Integer level, String path, String status) {
    }

    /** One row of store_org_unit. */
    public record Check(long storeId, String storeCode, String reference, String orgUnitUid, String status,
                        String reason, Long suggestedSupplierId) {
        public boolean mapped() {
            return "MAPPED".equals(status);
        }
    }

    public record Attachment(long storeId, long supplierId) {
    }

    public record NewStore(String code, String name, String orgUnitCode, String orgUnitUid, Long supplierId) {
    }

    public record Outcome(List<Check> checks, List<Attachment> attachments, List<NewStore> newStores) {
    }

    private final MatchBy matchBy;
    private final Map<String, OrgUnit> byUid = new HashMap<>();
    private final Map<String, OrgUnit> byCode = new HashMap<>();
    private final Map<String, Long> explicitSuppliers;

    public StoreHierarchy(MatchBy matchBy, List<OrgUnit> orgUnits, Map<String, Long> explicitSuppliers) {
        this.matchBy = matchBy;
        this.explicitSuppliers = explicitSuppliers;
        for (OrgUnit ou : orgUnits) {
            byUid.put(ou.uid(), ou);
            if (ou.code() != null) {
                OrgUnit seen = byCode.get(ou.code());
                if (seen == null || !"ACTIVE".equals(seen.status())) {
                    byCode.put(ou.code(), ou);
                }
            }
        }
    }

    /**
     * @param facilityLevel when positive, every ACTIVE org unit at this level without a store gets a
     *                      proposed new store (only used when metadata.create-stores=true)
     */
    public Outcome check(List<Store> stores, int facilityLevel) {
        Map<Long, OrgUnit> orgUnitOfStore = new HashMap<>();
        Map<String, Long> storeOfOrgUnit = new HashMap<>();
        List<Check> unmapped = new ArrayList<>();
        for (Store s : stores) {
            String reference = matchBy == MatchBy.CODE ? s.orgUnitCode() : s.orgUnitUid();
            OrgUnit ou = reference == null ? null : (matchBy == MatchBy.CODE ? byCode : byUid).get(reference);
            String kind = matchBy == MatchBy.CODE ? "code" : "UID";
            if (reference == null) {
                unmapped.add(new Check(s.id(), s.code(), null, null, "NO_ORG_UNIT_REFERENCE",
                        "store has no org unit " + kind + " (metadata.store-match=" + kind.toLowerCase() + ")", null));
            } else if (ou == null) {
                unmapped.add(new Check(s.id(), s.code(), reference, null, "ORG_UNIT_NOT_IN_DHIS2",
                        "no org unit with " + kind + " " + reference + " in DHIS2", null));
            } else if ("REMOVED".equals(ou.status())) {
                unmapped.add(new Check(s.id(), s.code(), reference, ou.uid(), "ORG_UNIT_REMOVED",
                        "org unit " + ou.name() + " (" + ou.uid() + ") was removed from DHIS2", null));
            } else if ("CLOSED".equals(ou.status())) {
                unmapped.add(new Check(s.id(), s.code(), reference, ou.uid(), "ORG_UNIT_CLOSED",
                        "org unit " + ou.name() + " (" + ou.uid() + ") is closed in DHIS2", null));
            } else {
                orgUnitOfStore.put(s.id(), ou);
                storeOfOrgUnit.putIfAbsent(ou.uid(), s.id());
            }
        }

        List<Check> checks = new ArrayList<>(unmapped);
        List<Attachment> attachments = new ArrayList<>();
        for (Store s : stores) {
            OrgUnit ou = orgUnitOfStore.get(s.id());
            if (ou == null) {
                continue;
            }
            Long supplier = s.central() ? null : supplierOf(ou, s.id(), storeOfOrgUnit);
            String reason = null;
            if (supplier != null && s.supplyingStoreId() == null) {
                attachments.add(new Attachment(s.id(), supplier));
            } else if (supplier != null && !supplier.equals(s.supplyingStoreId())) {
                reason = "LMIS supplying store " + s.supplyingStoreId() + " differs from DHIS2's hierarchy ("
                        + supplier + "); left as it is";
            }
            String reference = matchBy == MatchBy.CODE ? s.orgUnitCode() : s.orgUnitUid();
            checks.add(new Check(s.id(), s.code(), reference, ou.uid(), "MAPPED", reason, supplier));
        }

        List<NewStore> newStores = new ArrayList<>();
        if (facilityLevel > 0) {
            Set<String> storeCodes = new HashSet<>();
            stores.forEach(s -> storeCodes.add(s.code()));
            for (OrgUnit ou : byUid.values()) {
                boolean facility = ou.level() != null && ou.level() == facilityLevel && "ACTIVE".equals(ou.status());
                String code = ou.code() != null ? ou.code() : ou.uid();
                if (facility && !storeOfOrgUnit.containsKey(ou.uid()) && !storeCodes.contains(code)) {
                    newStores.add(new NewStore(code, ou.name(), ou.code(), ou.uid(), supplierOf(ou, null, storeOfOrgUnit)));
                }
            }
            newStores.sort((a, b) -> a.code().compareTo(b.code()));
        }
        return new Outcome(checks, attachments, newStores);
    }

    /** The explicit supplier of the org unit, else the store of its nearest ancestor that has one. */
    Long supplierOf(OrgUnit ou, Long self, Map<String, Long> storeOfOrgUnit) {
        Long explicit = explicitSuppliers.get(ou.uid());
        if (explicit != null) {
            return explicit;
        }
        if (ou.path() == null) {
            return null;
        }
        String[] uids = ou.path().split("/");
        for (int i = uids.length - 1; i >= 0; i--) {
            if (uids[i].isEmpty() || uids[i].equals(ou.uid())) {
                continue;
            }
            Long store = storeOfOrgUnit.get(uids[i]);
            if (store != null && !store.equals(self)) {
                return store;
            }
        }
        return null;
    }
}
