package org.lmisbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lmisbridge.push.DataValuePayload;
import org.lmisbridge.push.OutboxRow;
import org.lmisbridge.testsupport.BridgeHarness;
import org.lmisbridge.testsupport.TestDatabases;

/**
 * The aggregate push at scale: N outbox values (default 1,000,000) pushed by the real bridge to a sandbox running
 * in its own process and marked POSTED, timed against posting the same payloads (same batch size, same number in
 * flight) with a bare java.net.http client to a fresh sandbox process. Run with the bridge's heap capped:
 * {@code bench/run -Xmx256m PushBenchmark [--values 1000000] [--db postgres|h2]}. The bridge's database is the
 * production one, PostgreSQL (embedded, its own process), unless {@code --db h2} (a file in a temp directory).
 */
public final class PushBenchmark {

    private static final int ELEMENTS = 100;
    private static final int ORG_UNITS = 100;
    private static final int BATCH = 1000;
    private static final int IN_FLIGHT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int values = 1_000_000;
        String db = "postgres";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--values")) {
                values = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--db")) {
                db = args[++i];
            }
        }
        int periods = (values + ELEMENTS * ORG_UNITS - 1) / (ELEMENTS * ORG_UNITS);
        Path dir = Files.createTempDirectory("push-bench");
        Path metadata = dir.resolve("metadata.json");
        Files.writeString(metadata, metadata());
        System.out.printf("PushBenchmark (bridge database %s): %,d values (%d data elements x %d org units x %d days), batches of %d,"
                + " %d in flight, bridge heap max %d MB%n", db, values, ELEMENTS, ORG_UNITS, periods, BATCH, IN_FLIGHT,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        double bare;
        try (SandboxProcess sandbox = SandboxProcess.start(metadata)) {
            bare = bareClient(sandbox.baseUrl, values);
            System.out.printf("bare java.net.http client: %.1f s (%,.0f values/s), sandbox holds %,d values%n",
                    bare, values / bare, sandbox.dataValues());
        }

        double bridgeSeconds;
        try (SandboxProcess sandbox = SandboxProcess.start(metadata);
             BridgeHarness bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl, "admin", "district")
                     .property("bridge.db.url", db.equals("postgres") ? TestDatabases.postgresUrl()
                             : "jdbc:h2:file:" + dir.resolve("bridge").toAbsolutePath())
                     .property("bridge.db.username", db.equals("postgres") ? "postgres" : "sa")
                     .property("bridge.production", "true")
                     .property("push.schedule-enabled", "false")
                     .property("push.max-values-per-batch", String.valueOf(BATCH))
                     .property("push.parallel-batches", String.valueOf(IN_FLIGHT))
                     .property("dhis2.read-timeout-ms", "120000")
                     .property("dhis2.connection-check-interval-ms", "3600000")
                     .start()) {
            long t0 = System.nanoTime();
            fillOutbox(bridge, values);
            System.out.printf("outbox filled with %,d PENDING values in %.1f s (set-up, not timed)%n", values,
                    (System.nanoTime() - t0) / 1e9);
            long start = System.nanoTime();
            @SuppressWarnings("unchecked")
            Map<String, Object> report = bridge.producer().requestBody("direct:datavalue-push-run", null, Map.class);
            bridgeSeconds = (System.nanoTime() - start) / 1e9;
            Object posted = bridge.query("SELECT COUNT(*) AS n FROM datavalue_outbox WHERE status = 'POSTED'")
                    .get(0).get("n");
            System.out.printf("bridge push: %.1f s (%,.0f values/s), report %s%n", bridgeSeconds,
                    values / bridgeSeconds, report);
            System.out.printf("outbox rows POSTED: %s; sandbox holds %,d values; bridge heap used now %d MB%n",
                    posted, sandbox.dataValues(), usedHeapMb());
        }
        System.out.printf("RESULT values=%d bare=%.1fs bridge=%.1fs ratio=%.2f (aim < 1.5)%n", values, bare,
                bridgeSeconds, bridgeSeconds / bare);
    }

    private static long usedHeapMb() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }

    private static String de(int i) {
        return String.format("BnchDe%05d", i);
    }

    private static String ou(int i) {
        return String.format("BnchOu%05d", i);
    }

    private static String period(int day) {
        return java.time.LocalDate.of(2025, 1, 1).plusDays(day).toString().replace("-", "");
    }

    /** The i-th value, the same for both runs: data element, org unit, day. */
    private static OutboxRow row(int i) {
        int de = i % ELEMENTS;
        int ou = (i / ELEMENTS) % ORG_UNITS;
        int day = i / (ELEMENTS * ORG_UNITS);
        return new OutboxRow(i + 1L, de(de), period(day), ou(ou), "", "", String.valueOf(i % 997), null, 0);
    }

    private static String metadata() throws IOException {
        var root = JSON.createObjectNode();
        var ous = root.putArray("organisationUnits");
        ous.addObject().put("id", "BnchOuRoot1").put("code", "BENCH").put("name", "Bench")
                .put("shortName", "Bench").put("openingDate", "2000-01-01");
        for (int i = 0; i < ORG_UNITS; i++) {
            ous.addObject().put("id", ou(i)).put("code", "BOU" + i).put("name", "Bench unit " + i)
                    .put("shortName", "Bench unit " + i).put("openingDate", "2000-01-01")
                    .putObject("parent").put("id", "BnchOuRoot1");
        }
        var des = root.putArray("dataElements");
        for (int i = 0; i < ELEMENTS; i++) {
            des.addObject().put("id", de(i)).put("code", "BDE" + i).put("name", "Bench element " + i)
                    .put("shortName", "Bench element " + i).put("valueType", "INTEGER")
                    .put("aggregationType", "SUM").put("domainType", "AGGREGATE").put("zeroIsSignificant", true);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void fillOutbox(BridgeHarness bridge, int values) throws Exception {
        try (Connection c = bridge.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO datavalue_outbox (data_element, period, org_unit,"
                     + " value) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < values; i++) {
                OutboxRow r = row(i);
                ps.setString(1, r.dataElement());
                ps.setString(2, r.period());
                ps.setString(3, r.orgUnit());
                ps.setString(4, r.value());
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** The same payloads (same values, order, batch size, number in flight) with a plain HTTP client. */
    private static double bareClient(String baseUrl, int values) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:district".getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(baseUrl + "/api/dataValueSets?importStrategy=CREATE_AND_UPDATE&dryRun=false");
        DataValuePayload payload = new DataValuePayload("");
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        long start = System.nanoTime();
        List<Future<?>> inFlight = new ArrayList<>();
        for (int first = 0; first < values; first += BATCH) {
            int from = first;
            int to = Math.min(values, first + BATCH);
            while (inFlight.size() >= IN_FLIGHT) {
                inFlight.remove(0).get();
            }
            inFlight.add(pool.submit(() -> {
                List<byte[]> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(payload.value(row(i)));
                }
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload.batch(batch))).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                return null;
            }));
        }
        for (Future<?> f : inFlight) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return seconds;
    }

    /** A sandbox in its own JVM (it holds every value it stores), on a free port, on this classpath. */
    private static final class SandboxProcess implements AutoCloseable {
        final Process process;
        final String baseUrl;

        private SandboxProcess(Process process, String baseUrl) {
            this.process = process;
            this.baseUrl = baseUrl;
        }

        static SandboxProcess start(Path metadata) throws Exception {
            int port = BridgeHarness.freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "org.lmisbridge.sandbox.SandboxMain", "--port", String.valueOf(port), "--metadata",
                    metadata.toString(), "--no-journal-bodies")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            SandboxProcess s = new SandboxProcess(p, "http://127.0.0.1:" + port);
            BridgeHarness.await("the sandbox process to answer", Duration.ofSeconds(60), s::answers);
            return s;
        }

        private boolean answers() {
            try {
                dataValues();
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        long dataValues() throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/sandbox/stats")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(r.body());
            return n.path("dataValues").asLong();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
