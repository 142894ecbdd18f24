package org.lmisbridge.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.lmisbridge.db.Database;
import org.lmisbridge.db.DatabaseSettings;

/**
 * Command line: fills a database with demo LMIS data (migrating it first) and optionally writes the matching DHIS2
 * metadata export.
 *
 * <pre>
 * DemoDataMain --url jdbc:... [--user name] [--stores N] [--items N] [--days N] [--tx-per-day N] [--seed N]
 *              [--last-day YYYY-MM-DD] [--metadata-out file.json]
 * </pre>
 * The password comes from the environment variable {@code LMIS_DB_PASSWORD}, never from the command line.
 */
public final class DemoDataMain {

    private DemoDataMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = parse(args);
        if (opts.containsKey("help") || !opts.containsKey("url")) {
            System.err.println("usage: DemoDataMain --url jdbc:... [--user name] [--stores N] [--items N] [--days N]"
                    + " [--tx-per-day N] [--seed N] [--last-day YYYY-MM-DD] [--metadata-out file.json]\n"
                    + "password from the environment variable LMIS_DB_PASSWORD");
            System.exit(opts.containsKey("help") ? 0 : 2);
        }
        DemoSize d = DemoSize.DEFAULT;
        DemoSize size = new DemoSize(
                intOpt(opts, "stores", d.stores()),
                intOpt(opts, "items", d.items()),
                intOpt(opts, "days", d.days()),
                intOpt(opts, "tx-per-day", d.transactionsPerDay()),
                Long.parseLong(opts.getOrDefault("seed", Long.toString(d.seed()))));
        LocalDate lastDay = opts.containsKey("last-day") ? LocalDate.parse(opts.get("last-day"))
                : LocalDate.now().minusDays(1);
        DatabaseSettings settings = new DatabaseSettings(opts.get("url"), opts.get("user"),
                System.getenv("LMIS_DB_PASSWORD"), 2);
        try (HikariDataSource ds = Database.open(settings)) {
            DemoDataGenerator.Summary summary = DemoDataGenerator.generate(ds, size, lastDay);
            System.out.println("Generated " + summary);
        }
        if (opts.containsKey("metadata-out")) {
            Path out = Path.of(opts.get("metadata-out"));
            Files.writeString(out, DemoMetadata.exportJson(size), StandardCharsets.UTF_8);
            System.out.println("Wrote DHIS2 metadata to " + out);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                opts.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (key.equals("help")) {
                opts.put(key, "");
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for --" + key);
            }
        }
        return opts;
    }

    private static int intOpt(Map<String, String> opts, String key, int dflt) {
        String v = opts.get(key);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number but was '" + v + "'");
        }
    }
}
