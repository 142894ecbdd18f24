package org.lmisbridge.bench;

import java.util.ArrayList;
import java.util.List;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * Times a metadata sync (org units + users, staged and applied in one transaction) against the
 * sandbox through the real bridge on in-memory H2:
 * {@code bench/run -Xmx256m MetadataSyncBenchmark [--units 10000] [--users 1000] [--page-size 500]}.
 * Prints the first sync (all new), a second (nothing new) and one after 100 units were renamed.
 */
public final class MetadataSyncBenchmark {

    private MetadataSyncBenchmark() {
    }

    public static void main(String[] args) {
        int units = intArg(args, "--units", 10000);
        int users = intArg(args, "--users", 1000);
        String pageSize = String.valueOf(intArg(args, "--page-size", 500));
        try (Dhis2Sandbox sandbox = Dhis2Sandbox.builder().port(0).emptyMetadata().journalCapacity(100)
                .extraMetadata(metadata(units, users)).build().start();
             BridgeHarness bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "admin", "district")
                     .property("metadata.schedule-enabled", "false").property("metadata.page-size", pageSize)
                     .start()) {
            System.out.printf("metadata sync: %d org units, %d users, page size %s%n", units, users, pageSize);
            time(bridge, "first sync (all new)", units);
            time(bridge, "second sync (no change)", units);
            for (int i = 0; i < 100; i++) {
                sandbox.metadata().renameOrgUnit(uid(i + 1), "Renamed " + i);
            }
            time(bridge, "third sync (100 renamed)", units);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after: %d MB (max %d MB)%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }

    private static void time(BridgeHarness bridge, String what, int units) {
        long t0 = System.nanoTime();
        var answer = bridge.server("POST", "/api/metadata/sync", "{}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!answer.body().contains("SUCCESS")) {
            throw new IllegalStateException(answer.body());
        }
        System.out.printf("%-26s %6d ms  %8.0f org units/s  %s%n", what, ms, units * 1000.0 / Math.max(1, ms),
                answer.body().replaceAll(".*\"summary\":", ""));
    }

    /** A national unit, then regions of 10 districts, districts of ~100 facilities. */
    private static String metadata(int units, int users) {
        List<String> ous = new ArrayList<>();
        ous.add(unit(0, null));
        for (int i = 1; i < units; i++) {
            int parent = i <= 10 ? 0 : i <= 110 ? 1 + (i - 11) / 10 : 11 + (i - 111) % 100;
            ous.add(unit(i, parent));
        }
        List<String> us = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            us.add(String.format("{\"id\":\"Us%09d\",\"username\":\"user%d\",\"firstName\":\"F%d\",\"surname\":\"S%d\","
                    + "\"organisationUnits\":[{\"id\":\"%s\"}]}", i, i, i, i, uid(Math.min(units - 1, 111 + i))));
        }
        return "{\"organisationUnits\":[" + String.join(",", ous) + "],\"users\":[" + String.join(",", us) + "]}";
    }

    private static String unit(int i, Integer parent) {
        return "{\"id\":\"" + uid(i) + "\",\"code\":\"B" + i + "\",\"name\":\"Unit " + i + "\""
                + (parent == null ? "" : ",\"parent\":{\"id\":\"" + uid(parent) + "\"}") + "}";
    }

    private static String uid(int i) {
        return String.format("Ou%09d", i);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
