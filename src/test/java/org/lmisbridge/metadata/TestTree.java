package org.lmisbridge.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * A DHIS2 metadata import for the tests: a national unit, 3 regions, 3 districts each, 3 facilities
 * each (40 units over four levels), and three users assigned to some of them.
 */
final class TestTree {

    static final String NATIONAL = uid("N", 0, 0, 0);
    static final int UNITS = 1 + 3 + 9 + 27;

    private TestTree() {
    }

    /** Eleven-character UIDs that say where a unit sits: N, R1, R1D2, R1D2F3. */
    static String uid(String kind, int region, int district, int facility) {
        return String.format("Ou%s%03d%03d%02d", kind, region, district, facility).substring(0, 11);
    }

    static String region(int r) {
        return uid("R", r, 0, 0);
    }

    static String district(int r, int d) {
        return uid("D", r, d, 0);
    }

    static String facility(int r, int d, int f) {
        return uid("F", r, d, f);
    }

    static String code(String uid) {
        return "C-" + uid;
    }

    static String metadataJson() {
        List<String> units = new ArrayList<>();
        units.add(unit(NATIONAL, "National", null));
        for (int r = 1; r <= 3; r++) {
            units.add(unit(region(r), "Region " + r, NATIONAL));
            for (int d = 1; d <= 3; d++) {
                units.add(unit(district(r, d), "District " + r + "." + d, region(r)));
                for (int f = 1; f <= 3; f++) {
                    units.add(unit(facility(r, d, f), "Facility " + r + "." + d + "." + f, district(r, d)));
                }
            }
        }
        List<String> users = List.of(
                user("UsNurse0001", "nurse", "Amina", "Okello", "amina@example.org", "+256700000001",
                        facility(1, 1, 1), facility(1, 1, 2)),
                user("UsClerk0001", "clerk", "Ben", "Mugisha", "ben@example.org", "+256700000002", district(2, 1)),
                user("UsMgr000001", "manager", "Chloe", "Nakato", null, null, NATIONAL));
        return "{\"organisationUnits\": [" + String.join(",", units) + "], \"users\": [" + String.join(",", users) + "]}";
    }

    private static String unit(String id, String name, String parent) {
        return "{\"id\":\"" + id + "\",\"code\":\"" + code(id) + "\",\"name\":\"" + name + "\",\"shortName\":\"" + name
                + "\",\"openingDate\":\"2010-01-01T00:00:00.000\""
                + (parent == null ? "" : ",\"parent\":{\"id\":\"" + parent + "\"}") + "}";
    }

    private static String user(String id, String username, String first, String surname, String email, String phone,
                               String... orgUnits) {
        StringBuilder ous = new StringBuilder();
        for (String ou : orgUnits) {
            ous.append(ous.length() == 0 ? "" : ",").append("{\"id\":\"").append(ou).append("\"}");
        }
        return "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"password\":\"Pw-" + username
                + "-Zq81!\",\"firstName\":\"" + first + "\",\"surname\":\"" + surname + "\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"")
                + (phone == null ? "" : ",\"phoneNumber\":\"" + phone + "\"")
                + ",\"organisationUnits\":[" + ous + "]}";
    }

    static String password(String username) {
        return "Pw-" + username + "-Zq81!";
    }
}
