package org.lmisbridge.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.lmisbridge.demo.DemoCatalog.DemoItem;
import org.lmisbridge.demo.DemoCatalog.DemoStore;

/**
 * A DHIS2 metadata export (the JSON of {@code GET /api/metadata}, as in dhis2-samples/00-seeded-metadata.json) that
 * matches the demo LMIS data of a size: an org unit per store (code = store code, UID = store.org_unit_uid, parent =
 * supplying store), the stock movement category combo with explicit option combos, a {@code SOH_<ITEMCODE>} data
 * element per item sent to DHIS2, a monthly data set on the facilities, the order and receipt event programs, the
 * Real-Time Stock tracker program, and two users. All UIDs are deterministic.
 *
 * <p>The order program keeps the UIDs of the recorded samples (PrLmisOrd01, PsLmisOrd01, DeItemCode1, DeOrderQty1)
 * so recordings and demo agree; everything else uses {@link DemoUids}.
 */
public final class DemoMetadata {

    /** Stock movement category options: code and name, in display order. */
    static final String[][] STOCK_MOVEMENT = {
        {"OPENING_BALANCE", "opening balance"},
        {"RECEIVED", "received"},
        {"RETURNED_IN", "returned in"},
        {"RETURNED_OUT", "returned out"},
        {"DISTRIBUTED", "distributed"},
        {"DISPENSED", "dispensed"},
        {"WASTED", "wasted"},
        {"ADJUSTED", "adjusted"},
        {"DISCREPANCY", "discrepancy"},
        {"CLOSING_BALANCE", "closing balance"},
    };

    public static final String ORDER_PROGRAM = "PrLmisOrd01";
    public static final String ORDER_STAGE = "PsLmisOrd01";
    public static final String ITEM_CODE_DE = "DeItemCode1";
    public static final String ORDER_QUANTITY_DE = "DeOrderQty1";
    /** Order program: stock on hand the facility reports with a line, and the reference grouping an order's lines. */
    public static final String STOCK_ON_HAND_REPORTED_DE = "DeSohRepo01";
    public static final String ORDER_REFERENCE_DE = "DeOrderRef1";
    public static final String STOCK_MOVEMENT_COMBO = "CcStockMv01";
    public static final String MONTHLY_DATA_SET = "DsLmisMnth1";
    public static final String ADMIN_UID = "M5zQapPyTZI";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoMetadata() {
    }

    /** The metadata export for a demo size, as pretty-printed JSON. */
    public static String exportJson(DemoSize size) {
        try {
            return MAPPER.writeValueAsString(export(size));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metadata export for a demo size, as a JSON tree. */
    public static ObjectNode export(DemoSize size) {
        List<DemoStore> stores = DemoCatalog.stores(size);
        List<DemoItem> items = DemoCatalog.items(size);
        List<String> facilityUids = new ArrayList<>();
        for (DemoStore s : stores) {
            if (s.level() == 3) {
                facilityUids.add(s.orgUnitUid());
            }
        }
        if (facilityUids.isEmpty()) {
            // a tiny demo without facilities: the programs and data set go to the stores there are
            stores.forEach(s -> facilityUids.add(s.orgUnitUid()));
        }

        ObjectNode root = MAPPER.createObjectNode();
        root.put("system", "LMIS bridge demo metadata (generated; seed " + size.seed() + ")");

        ArrayNode orgUnits = root.putArray("organisationUnits");
        for (DemoStore s : stores) {
            ObjectNode ou = named(orgUnits, s.orgUnitUid(), s.code(), s.name());
            ou.put("openingDate", "2000-01-01");
            if (s.parentCode() != null) {
                ou.putObject("parent").put("id", DemoUids.uid("ou", s.parentCode()));
            }
        }

        ArrayNode options = root.putArray("categoryOptions");
        List<String> optionUids = new ArrayList<>();
        for (String[] o : STOCK_MOVEMENT) {
            String uid = DemoUids.uid("categoryOption", o[0]);
            optionUids.add(uid);
            named(options, uid, o[0], o[1]);
        }
        String categoryUid = "CatStockMv1";
        ObjectNode category = named(root.putArray("categories"), categoryUid, "STOCK_MOVEMENT", "Stock movement");
        category.put("dataDimensionType", "DISAGGREGATION");
        refs(category.putArray("categoryOptions"), optionUids);
        ObjectNode combo = named(root.putArray("categoryCombos"), STOCK_MOVEMENT_COMBO, "STOCK_MOVEMENT",
                "Stock movement");
        combo.remove("shortName");
        combo.put("dataDimensionType", "DISAGGREGATION");
        refs(combo.putArray("categories"), List.of(categoryUid));
        ArrayNode cocs = root.putArray("categoryOptionCombos");
        for (int i = 0; i < STOCK_MOVEMENT.length; i++) {
            ObjectNode coc = cocs.addObject();
            coc.put("id", DemoUids.uid("categoryOptionCombo", STOCK_MOVEMENT[i][0]));
            coc.put("code", STOCK_MOVEMENT[i][0]);
            coc.put("name", STOCK_MOVEMENT[i][1]);
            coc.putObject("categoryCombo").put("id", STOCK_MOVEMENT_COMBO);
            refs(coc.putArray("categoryOptions"), List.of(optionUids.get(i)));
        }

        ArrayNode dataElements = root.putArray("dataElements");
        List<String> aggregateUids = new ArrayList<>();
        for (DemoItem item : items) {
            if (!item.includeInDhis2()) {
                continue;
            }
            String code = "SOH_" + item.code();
            String uid = DemoUids.uid("dataElement", code);
            aggregateUids.add(uid);
            ObjectNode de = named(dataElements, uid, code, "Stock - " + item.name());
            de.put("shortName", truncate("Stock " + item.code(), 50));
            aggregate(de, "INTEGER", "SUM").putObject("categoryCombo").put("id", STOCK_MOVEMENT_COMBO);
        }
        tracker(dataElements, ITEM_CODE_DE, "ITEM_CODE", "LMIS Order - Item code", "TEXT");
        tracker(dataElements, ORDER_QUANTITY_DE, "ORDER_QTY", "LMIS Order - Quantity", "INTEGER");
        tracker(dataElements, STOCK_ON_HAND_REPORTED_DE, "ORDER_SOH", "LMIS Order - Stock on hand", "INTEGER");
        tracker(dataElements, ORDER_REFERENCE_DE, "ORDER_REF", "LMIS Order - Order reference", "TEXT");
        String consignmentDe = DemoUids.uid("dataElement", "CONSIGNMENT_NUMBER");
        String receivedQtyDe = DemoUids.uid("dataElement", "RECEIVED_QTY");
        tracker(dataElements, consignmentDe, "CONSIGNMENT_NUMBER", "LMIS Receipt - Consignment number", "TEXT");
        tracker(dataElements, receivedQtyDe, "RECEIVED_QTY", "LMIS Receipt - Received quantity", "INTEGER");
        String[] rtsNames = {"Stock distribution", "Stock discard", "Stock receipt", "Stock on hand",
            "Previous stock balance", "Stock count", "Stock correction"};
        List<String> rtsUids = new ArrayList<>();
        for (String name : rtsNames) {
            String code = "RTS_" + name.toUpperCase().replace(' ', '_');
            String uid = DemoUids.uid("dataElement", code);
            rtsUids.add(uid);
            tracker(dataElements, uid, code, name, "NUMBER");
        }

        ObjectNode dataSet = named(root.putArray("dataSets"), MONTHLY_DATA_SET, "LMIS_MONTHLY", "LMIS Monthly Stock");
        dataSet.put("periodType", "Monthly");
        dataSet.put("openFuturePeriods", 1);
        ArrayNode dse = dataSet.putArray("dataSetElements");
        for (String uid : aggregateUids) {
            dse.addObject().putObject("dataElement").put("id", uid);
        }
        refs(dataSet.putArray("organisationUnits"), facilityUids);
        publicSharing(dataSet);

        String itemCodeAttribute = DemoUids.uid("trackedEntityAttribute", "ITEM_CODE");
        ObjectNode tea = named(root.putArray("trackedEntityAttributes"), itemCodeAttribute, "RTS_ITEM_CODE",
                "Item code");
        tea.put("valueType", "TEXT");
        tea.put("aggregationType", "NONE");
        tea.put("unique", true);
        String itemType = DemoUids.uid("trackedEntityType", "ITEM");
        ObjectNode tet = named(root.putArray("trackedEntityTypes"), itemType, "ITEM", "Item");
        tet.putArray("trackedEntityTypeAttributes").addObject()
                .putObject("trackedEntityAttribute").put("id", itemCodeAttribute);
        publicSharing(tet);

        ArrayNode programs = root.putArray("programs");
        ArrayNode stages = root.putArray("programStages");
        eventProgram(programs, stages, ORDER_PROGRAM, ORDER_STAGE, "LMIS_ORDER", "LMIS Order", facilityUids,
                List.of(ITEM_CODE_DE, ORDER_QUANTITY_DE, STOCK_ON_HAND_REPORTED_DE, ORDER_REFERENCE_DE));
        // stock on hand and order reference are optional on an order line
        for (var psde : stages.get(stages.size() - 1).get("programStageDataElements")) {
            String de = psde.get("dataElement").get("id").asText();
            if (de.equals(STOCK_ON_HAND_REPORTED_DE) || de.equals(ORDER_REFERENCE_DE)) {
                ((ObjectNode) psde).put("compulsory", false);
            }
        }
        eventProgram(programs, stages, DemoUids.uid("program", "LMIS_RECEIPT"),
                DemoUids.uid("programStage", "LMIS_RECEIPT"), "LMIS_RECEIPT", "LMIS Receipt", facilityUids,
                List.of(consignmentDe, ITEM_CODE_DE, receivedQtyDe));

        String rtsProgram = DemoUids.uid("program", "RTS");
        String rtsStage = DemoUids.uid("programStage", "RTS_STOCK_ON_HAND");
        ObjectNode rts = named(programs, rtsProgram, "RTS", "Real-Time Stock");
        rts.put("programType", "WITH_REGISTRATION");
        rts.putObject("trackedEntityType").put("id", itemType);
        ObjectNode ptea = rts.putArray("programTrackedEntityAttributes").addObject();
        ptea.putObject("trackedEntityAttribute").put("id", itemCodeAttribute);
        ptea.put("mandatory", true);
        ptea.put("searchable", true);
        refs(rts.putArray("organisationUnits"), facilityUids);
        refs(rts.putArray("programStages"), List.of(rtsStage));
        publicSharing(rts);
        stage(stages, rtsStage, "RTS_STOCK_ON_HAND", "Stock on Hand", rtsProgram, rtsUids, false);

        ArrayNode users = root.putArray("users");
        user(users, ADMIN_UID, "admin", "admin", "admin", "district", stores.get(0).orgUnitUid());
        DemoStore facility = stores.stream().filter(s -> s.level() == 3).findFirst().orElse(stores.get(0));
        user(users, DemoUids.uid("user", "facility1"), "facility1", "Facility", "User", "Facility1!",
                facility.orgUnitUid());
        return root;
    }

    private static ObjectNode named(ArrayNode array, String uid, String code, String name) {
        ObjectNode o = array.addObject();
        o.put("id", uid);
        o.put("code", code);
        o.put("name", name);
        o.put("shortName", truncate(name, 50));
        return o;
    }

    private static ObjectNode aggregate(ObjectNode de, String valueType, String aggregationType) {
        de.put("valueType", valueType);
        de.put("aggregationType", aggregationType);
        de.put("domainType", "AGGREGATE");
        de.put("zeroIsSignificant", true);
        return de;
    }

    private static void tracker(ArrayNode dataElements, String uid, String code, String name, String valueType) {
        ObjectNode de = named(dataElements, uid, code, name);
        de.put("valueType", valueType);
        de.put("aggregationType", valueType.equals("TEXT") ? "NONE" : "SUM");
        de.put("domainType", "TRACKER");
    }

    private static void eventProgram(ArrayNode programs, ArrayNode stages, String programUid, String stageUid,
                                     String code, String name, List<String> orgUnits, List<String> dataElements) {
        ObjectNode p = named(programs, programUid, code, name);
        p.put("programType", "WITHOUT_REGISTRATION");
        refs(p.putArray("organisationUnits"), orgUnits);
        refs(p.putArray("programStages"), List.of(stageUid));
        publicSharing(p);
        stage(stages, stageUid, code + "_STAGE", name, programUid, dataElements, true);
    }

    private static void stage(ArrayNode stages, String uid, String code, String name, String programUid,
                              List<String> dataElements, boolean compulsory) {
        ObjectNode s = named(stages, uid, code, name);
        s.remove("shortName");
        s.putObject("program").put("id", programUid);
        s.put("repeatable", true);
        ArrayNode psdes = s.putArray("programStageDataElements");
        int order = 1;
        for (String de : dataElements) {
            ObjectNode psde = psdes.addObject();
            psde.putObject("dataElement").put("id", de);
            psde.put("compulsory", compulsory);
            psde.put("sortOrder", order++);
        }
        publicSharing(s);
    }

    private static void user(ArrayNode users, String uid, String username, String firstName, String surname,
                             String password, String orgUnitUid) {
        ObjectNode u = users.addObject();
        u.put("id", uid);
        u.put("username", username);
        u.put("firstName", firstName);
        u.put("surname", surname);
        u.put("email", username + "@example.org");
        u.put("phoneNumber", "+000000000");
        u.put("disabled", false);
        u.put("password", password); // demo sandbox only: these are well-known demo passwords
        refs(u.putArray("organisationUnits"), List.of(orgUnitUid));
        refs(u.putArray("dataViewOrganisationUnits"), List.of(orgUnitUid));
    }

    private static void refs(ArrayNode array, List<String> uids) {
        for (String uid : uids) {
            array.addObject().put("id", uid);
        }
    }

    private static void publicSharing(ObjectNode o) {
        o.putObject("sharing").put("public", "rwrw----");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
