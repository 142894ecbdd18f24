package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Dhis2PageTest {

    @Test
    void anOrgUnitPageGivesItsPagerAndStagingRows() {
        Dhis2Page page = Dhis2Page.orgUnits(Dhis2Page.read(json("""
                {"pager": {"page": 2, "pageCount": 5, "total": 41, "pageSize": 9},
                 "organisationUnits": [
                   {"id": "Fac00000001", "code": "FAC1", "name": "Facility 1", "level": 4,
                    "path": "/Nat00000001/Fac00000001", "parent": {"id": "Nat00000001"},
                    "openingDate": "2010-01-01T00:00:00.000", "closedDate": "2024-06-30T00:00:00.000",
                    "lastUpdated": "2024-07-01T10:11:12.345"},
                   {"id": "Nat00000001", "name": "National", "level": 1, "path": "/Nat00000001"}]}""")));

        assertThat(page.page()).isEqualTo(2);
        assertThat(page.pageCount()).isEqualTo(5);
        assertThat(page.total()).isEqualTo(41);
        assertThat(page.rows().get(0)).containsEntry("parentUid", "Nat00000001")
                .containsEntry("closedDate", LocalDate.of(2024, 6, 30)).containsEntry("level", 4);
        assertThat(page.rows().get(1)).containsEntry("code", null).containsEntry("parentUid", null);
    }

    @Test
    void aUserPageReadsTheFlagsAndOrgUnitsAlsoFromOlderCredentialsShape() {
        Dhis2Page page = Dhis2Page.users(Dhis2Page.read(json("""
                {"pager": {"page": 1, "pageCount": 1, "total": 2},
                 "users": [
                   {"id": "UsA00000001", "username": "a", "firstName": "A", "disabled": true,
                    "organisationUnits": [{"id": "Fac00000001"}, {"id": "Fac00000002"}]},
                   {"id": "UsB00000001", "userCredentials": {"username": "b", "disabled": false}}]}""")));

        assertThat(page.rows()).extracting(r -> r.get("username")).containsExactly("a", "b");
        assertThat(page.rows().get(0)).containsEntry("disabled", true);
        assertThat(page.rows().get(1)).containsEntry("disabled", false);
        assertThat(page.userOrgUnits()).hasSize(2);
    }

    private static ByteArrayInputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
