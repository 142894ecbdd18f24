package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmisbridge.metadata.StoreHierarchy.MatchBy;
import org.lmisbridge.metadata.StoreHierarchy.OrgUnit;
import org.lmisbridge.metadata.StoreHierarchy.Store;

class StoreHierarchyTest {

    private static final List<OrgUnit> TREE = List.of(
            new OrgUnit("Nat00000001", "NAT", "National", 1, "/Nat00000001", "ACTIVE"),
            new OrgUnit("Reg00000001", "REG", "Region", 2, "/Nat00000001/Reg00000001", "ACTIVE"),
            new OrgUnit("Dis00000001", "DIS", "District", 3, "/Nat00000001/Reg00000001/Dis00000001", "ACTIVE"),
            new OrgUnit("Fac00000001", "FAC1", "Facility 1", 4, "/Nat00000001/Reg00000001/Dis00000001/Fac00000001", "ACTIVE"),
            new OrgUnit("Fac00000002", "FAC2", "Facility 2", 4, "/Nat00000001/Reg00000001/Dis00000001/Fac00000002", "ACTIVE"),
            new OrgUnit("Fac00000003", "FAC3", "Facility 3", 4, "/Nat00000001/Reg00000001/Dis00000001/Fac00000003", "CLOSED"),
            new OrgUnit("Fac00000004", "FAC4", "Facility 4", 4, "/Nat00000001/Reg00000001/Dis00000001/Fac00000004", "REMOVED"));

    @Test
    void aStoreIsSuppliedByTheNearestAncestorThatIsAStore() {
        List<Store> stores = List.of(
                new Store(1, "NAT", "National", null, true, "NAT", null),
                new Store(2, "REG", "Region", null, false, "REG", null),
                new Store(3, "FAC1", "Facility 1", null, false, "FAC1", null));

        StoreHierarchy.Outcome outcome = new StoreHierarchy(MatchBy.CODE, TREE, Map.of()).check(stores, 0);

        assertThat(outcome.attachments()).containsExactlyInAnyOrder(
                new StoreHierarchy.Attachment(2, 1), new StoreHierarchy.Attachment(3, 2));
        assertThat(outcome.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo("MAPPED"));
    }

    @Test
    void anExplicitSupplierWinsAndAnExistingDifferentSupplierIsReportedNotChanged() {
        List<Store> stores = List.of(
                new Store(1, "NAT", "National", null, true, "NAT", null),
                new Store(2, "REG", "Region", null, false, "REG", null),
                new Store(3, "FAC1", "Facility 1", null, false, "FAC1", null),
                new Store(4, "FAC2", "Facility 2", 1L, false, "FAC2", null));

        StoreHierarchy.Outcome outcome = new StoreHierarchy(MatchBy.CODE, TREE, Map.of("Fac00000001", 1L)).check(stores, 0);

        assertThat(outcome.attachments()).contains(new StoreHierarchy.Attachment(3, 1));
        assertThat(outcome.attachments()).noneMatch(a -> a.storeId() == 4);
        assertThat(outcome.checks()).filteredOn(c -> c.storeId() == 4).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("differs"));
    }

    @Test
    void storesAreMatchedByUidWhenAskedAndUnmappedOnesSayWhy() {
        List<Store> stores = List.of(
                new Store(1, "A", "A", null, false, "FAC1", null),
                new Store(2, "B", "B", null, false, null, "Xyz00000000"),
                new Store(3, "C", "C", null, false, null, "Fac00000003"),
                new Store(4, "D", "D", null, false, null, "Fac00000004"),
                new Store(5, "E", "E", null, false, null, "Fac00000001"));

        StoreHierarchy.Outcome outcome = new StoreHierarchy(MatchBy.UID, TREE, Map.of()).check(stores, 0);

        assertThat(outcome.checks()).extracting(StoreHierarchy.Check::storeCode, StoreHierarchy.Check::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("A", "NO_ORG_UNIT_REFERENCE"),
                        org.assertj.core.groups.Tuple.tuple("B", "ORG_UNIT_NOT_IN_DHIS2"),
                        org.assertj.core.groups.Tuple.tuple("C", "ORG_UNIT_CLOSED"),
                        org.assertj.core.groups.Tuple.tuple("D", "ORG_UNIT_REMOVED"),
                        org.assertj.core.groups.Tuple.tuple("E", "MAPPED"));
    }

    @Test
    void newStoresAreProposedOnlyForActiveFacilitiesWithoutOne() {
        List<Store> stores = List.of(
                new Store(1, "DIS", "District", null, false, "DIS", null),
                new Store(2, "FAC1", "Facility 1", 1L, false, "FAC1", null));

        StoreHierarchy.Outcome outcome = new StoreHierarchy(MatchBy.CODE, TREE, Map.of()).check(stores, 4);

        assertThat(outcome.newStores()).containsExactly(
                new StoreHierarchy.NewStore("FAC2", "Facility 2", "FAC2", "Fac00000002", 1L));
        assertThat(new StoreHierarchy(MatchBy.CODE, TREE, Map.of()).check(stores, 0).newStores()).isEmpty();
    }
}
