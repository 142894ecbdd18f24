package org.lmisbridge.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lmisbridge.testsupport.TestDatabases;

class DemoMetadataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void exportHasAnOrgUnitForEveryStoreWithTheSameCodeUidAndParent() throws Exception {
        DemoSize size = new DemoSize(30, 20, 2, 50, 3L);
        DataSource ds = TestDatabases.h2("metadata");
        DemoDataGenerator.generate(ds, size, LocalDate.of(2024, 3, 31));
        JsonNode root = MAPPER.readTree(DemoMetadata.exportJson(size));

        Map<String, JsonNode> ouByCode = new HashMap<>();
        for (JsonNode ou : root.get("organisationUnits")) {
            ouByCode.put(ou.get("code").asText(), ou);
        }
        int stores = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.org_unit_code, s.org_unit_uid, p.org_unit_uid"
                     + " FROM store s LEFT JOIN store p ON p.id = s.supplying_store_id")) {
            while (rs.next()) {
                stores++;
                JsonNode ou = ouByCode.get(rs.getString(1));
                assertTrue(ou != null, "org unit for store " + rs.getString(1));
                assertEquals(rs.getString(2), ou.get("id").asText());
                assertEquals(rs.getString(3), ou.has("parent") ? ou.get("parent").get("id").asText() : null);
            }
        }
        assertEquals(30, stores);
        assertEquals(stores, ouByCode.size());
    }

    @Test
    void exportIsDeterministicWithValidUniqueUidsAndAllReferencesResolve() throws Exception {
        String a = DemoMetadata.exportJson(DemoSize.DEFAULT);
        assertEquals(a, DemoMetadata.exportJson(DemoSize.DEFAULT));
        JsonNode root = MAPPER.readTree(a);
        Set<String> ids = new HashSet<>();
        Set<String> refs = new HashSet<>();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                for (JsonNode o : e.getValue()) {
                    String id = o.get("id").asText();
                    assertTrue(DemoUids.isValid(id), e.getKey() + " id " + id);
                    assertTrue(ids.add(id), "duplicate id " + id);
                    collectRefs(o, refs, true);
                }
            }
        });
        refs.removeAll(ids);
        assertEquals(Set.of(), refs, "references to objects not in the export");
    }

    @Test
    void exportHasTheProgramsDataSetAndUsersTheFlowsNeed() throws Exception {
        JsonNode root = MAPPER.readTree(DemoMetadata.exportJson(DemoSize.DEFAULT));
        Map<String, JsonNode> programs = new HashMap<>();
        root.get("programs").forEach(p -> programs.put(p.get("code").asText(), p));
        assertEquals(Set.of("LMIS_ORDER", "LMIS_RECEIPT", "RTS"), programs.keySet());
        assertEquals("PrLmisOrd01", programs.get("LMIS_ORDER").get("id").asText());
        assertEquals(5, programs.get("RTS").get("organisationUnits").size(), "facilities");
        assertEquals("WITH_REGISTRATION", programs.get("RTS").get("programType").asText());
        JsonNode rtsStage = null;
        for (JsonNode s : root.get("programStages")) {
            if (s.get("name").asText().equals("Stock on Hand")) {
                rtsStage = s;
            }
        }
        assertEquals(7, rtsStage.get("programStageDataElements").size());
        assertEquals("Item", root.get("trackedEntityTypes").get(0).get("name").asText());
        assertEquals("Item code", root.get("trackedEntityAttributes").get(0).get("name").asText());
        assertEquals(10, root.get("categoryOptionCombos").size());
        JsonNode dataSet = root.get("dataSets").get(0);
        assertEquals("Monthly", dataSet.get("periodType").asText());
        assertEquals(10, dataSet.get("dataSetElements").size(), "items for DHIS2");
        Set<String> usernames = new HashSet<>();
        root.get("users").forEach(u -> usernames.add(u.get("username").asText()));
        assertEquals(Set.of("admin", "facility1"), usernames);
        boolean soh = false;
        for (JsonNode de : root.get("dataElements")) {
            soh |= de.get("code").asText().equals("SOH_AMOX250");
        }
        assertTrue(soh, "SOH_AMOX250 data element");
    }

    private static void collectRefs(JsonNode node, Set<String> refs, boolean top) {
        if (node.isObject()) {
            if (!top && node.size() == 1 && node.has("id")) {
                refs.add(node.get("id").asText());
            }
            node.fields().forEachRemaining(e -> collectRefs(e.getValue(), refs, false));
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs, false));
        }
    }
}
