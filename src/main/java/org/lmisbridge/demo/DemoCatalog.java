package org.lmisbridge.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The stores and items of a demo size, as plain values: the generator writes them to the LMIS tables and
 * {@link DemoMetadata} turns them into the matching DHIS2 metadata.
 */
public final class DemoCatalog {

    /** Level 1 = central store, 2 = district, 3 = facility (the DHIS2 org unit level too). */
    public record DemoStore(int index, String code, String name, String parentCode, int level, String orgUnitUid) {
        public boolean isCentral() {
            return level == 1;
        }
    }

    public record DemoItem(int index, String code, String name, String unit, String universalCode, String hmisCode,
                           String customField1, String customField2, String customField3, boolean includeInDhis2) {
    }

    private static final String[][] NAMED_ITEMS = {
        {"AMOX250", "Amoxicillin 250mg", "capsule", "Antibiotic"},
        {"PARA500", "Paracetamol 500mg", "tablet", "Analgesic"},
        {"ORS", "Oral rehydration salts", "sachet", "Rehydration"},
        {"ZINC20", "Zinc sulfate 20mg", "tablet", "Supplement"},
        {"COTRI480", "Cotrimoxazole 480mg", "tablet", "Antibiotic"},
        {"ALU20120", "Artemether-lumefantrine 20/120mg", "tablet", "Antimalarial"},
        {"METRO250", "Metronidazole 250mg", "tablet", "Antibiotic"},
        {"IBU400", "Ibuprofen 400mg", "tablet", "Analgesic"},
        {"FEFOL", "Ferrous sulfate + folic acid", "tablet", "Supplement"},
        {"OXY10", "Oxytocin 10IU", "ampoule", "Maternal health"},
        {"MEBEN500", "Mebendazole 500mg", "tablet", "Anthelmintic"},
        {"RDTMAL", "Malaria rapid diagnostic test", "test", "Diagnostic"},
    };

    private DemoCatalog() {
    }

    /**
     * One central store (NAT), then ceil((stores-1)/4) districts (DIST_A, DIST_B, ... DIST_Z, DIST_AA, ...), then
     * facilities (FAC_001, ...), each facility in a contiguous block under one district.
     */
    public static List<DemoStore> stores(DemoSize size) {
        int n = size.stores();
        int districts = n == 1 ? 0 : Math.max(1, (n - 1 + 3) / 4);
        int facilities = n - 1 - districts;
        List<DemoStore> stores = new ArrayList<>(n);
        stores.add(new DemoStore(0, "NAT", "LMIS National", null, 1, DemoUids.uid("ou", "NAT")));
        for (int d = 0; d < districts; d++) {
            String letters = letters(d);
            String code = "DIST_" + letters;
            stores.add(new DemoStore(stores.size(), code, "District " + letters, "NAT", 2, DemoUids.uid("ou", code)));
        }
        for (int f = 0; f < facilities; f++) {
            int district = (f * districts + districts - 1) / facilities;
            String number = String.format("%03d", f + 1);
            String code = "FAC_" + number;
            stores.add(new DemoStore(stores.size(), code, "Facility " + number, "DIST_" + letters(district), 3,
                    DemoUids.uid("ou", code)));
        }
        return stores;
    }

    /** Twelve named essential medicines, then ITEM_0001, ...; every sixth item is not sent to DHIS2. */
    public static List<DemoItem> items(DemoSize size) {
        List<DemoItem> items = new ArrayList<>(size.items());
        for (int i = 0; i < size.items(); i++) {
            String code;
            String name;
            String unit;
            String category;
            if (i < NAMED_ITEMS.length) {
                code = NAMED_ITEMS[i][0];
                name = NAMED_ITEMS[i][1];
                unit = NAMED_ITEMS[i][2];
                category = NAMED_ITEMS[i][3];
            } else {
                code = String.format("ITEM_%04d", i - NAMED_ITEMS.length + 1);
                name = "Demo item " + (i - NAMED_ITEMS.length + 1);
                unit = i % 3 == 0 ? "vial" : "tablet";
                category = "Other";
            }
            String ven = switch (i % 3) {
                case 0 -> "V";
                case 1 -> "E";
                default -> "N";
            };
            items.add(new DemoItem(i, code, name, unit, DemoUids.hex8("item:" + code),
                    String.format("HMIS%04d", i + 1), category, ven, null, i % 6 != 5));
        }
        return items;
    }

    /** 0 -> A, 25 -> Z, 26 -> AA, ... */
    static String letters(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            n--;
            sb.insert(0, (char) ('A' + n % 26));
            n /= 26;
        }
        return sb.toString();
    }
}
