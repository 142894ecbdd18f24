package org.lmisbridge.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for a DHIS2 2.39–2.42 server on loopback: metadata, aggregate data values,
 * tracker events, auth, paging, fault injection and a request journal. Start it with
 * {@code Dhis2Sandbox.builder()...build().start()}.
 */
public final class Dhis2Sandbox implements AutoCloseable {
  public static final String DEFAULT_METADATA = "sandbox/demo-metadata.json";

  static {
    // Without TCP_NODELAY, the JDK server's separate header and body writes meet the client's
    // delayed ACK and every answer waits ~40 ms. Read once, when the JDK server first loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Builder config;
  private final Clock clock;
  private final MetadataStore metadata;
  private final DataValueStore dataValues = new DataValueStore();
  private final TrackerStore tracker;
  private final Journal journal;
  private final FaultInjector faults = new FaultInjector();
  private final BasicAuth auth;
  private final Jobs jobs;
  private HttpServer server;
  private ExecutorService workers;
  private ScheduledExecutorService timer;
  private volatile String baseUrl;

  private Dhis2Sandbox(Builder b) {
    this.config = b;
    this.clock = b.clock;
    this.metadata = new MetadataStore(clock);
    this.tracker = new TrackerStore(clock);
    this.journal = new Journal(b.journalCapacity, b.journalBodies);
    this.auth = new BasicAuth(metadata);
    this.jobs = new Jobs(clock);
    loadInitialMetadata(b);
  }

  public static Builder builder() {
    return new Builder();
  }

  private void loadInitialMetadata(Builder b) {
    try {
      if (b.metadataPath != null) {
        try (InputStream in = Files.newInputStream(b.metadataPath)) {
          loadMetadata(in);
        }
      } else if (b.metadataStream != null) {
        loadMetadata(b.metadataStream);
      } else if (b.useDefaultMetadata) {
        try (InputStream in = Dhis2Sandbox.class.getClassLoader().getResourceAsStream(DEFAULT_METADATA)) {
          if (in != null) loadMetadata(in);
        }
      }
      for (String extra : b.extraMetadata) {
        loadMetadata(new java.io.ByteArrayInputStream(extra.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    metadata.refresh();
    if (b.defaultAdmin && metadata.user("admin") == null) {
      List<String> roots = metadata.roots().stream().map(OrgUnit::id).toList();
      metadata.putUser(new SandboxUser(MetadataStore.ADMIN_ID, "admin", "district", "admin", "admin", null, null,
          false, roots, roots, MetadataLoader.ADMIN_AUTHORITIES, clock.instant()));
    }
    for (Map.Entry<String, String> u : b.users.entrySet()) {
      SandboxUser existing = metadata.user(u.getKey());
      if (existing != null) {
        existing.password(u.getValue());
      } else {
        List<String> roots = metadata.roots().stream().map(OrgUnit::id).toList();
        metadata.putUser(new SandboxUser(Uids.fromSeed("user:" + u.getKey()), u.getKey(), u.getValue(), u.getKey(),
            u.getKey(), null, null, false, roots, roots, MetadataLoader.ADMIN_AUTHORITIES, clock.instant()));
      }
    }
    b.tokens.forEach(auth::addToken);
  }

  /** Starts listening on 127.0.0.1. */
  public synchronized Dhis2Sandbox start() {
    if (server != null) return this;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    workers = Executors.newFixedThreadPool(config.threads, daemon("dhis2-sandbox"));
    timer = Executors.newSingleThreadScheduledExecutor(daemon("dhis2-sandbox-timer"));
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    ApiRouter router = new ApiRouter(this);
    server.createContext("/", new SandboxHandler(this, router, workers, timer));
    server.setExecutor(workers);
    server.start();
    return this;
  }

  public synchronized void stop() {
    if (server == null) return;
    server.stop(0);
    workers.shutdownNow();
    timer.shutdownNow();
    jobs.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  @Override
  public void close() {
    stop();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ---- public API --------------------------------------------------------------------------------

  public int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The DHIS2 version answered, e.g. {@code 2.42.4.1}. */
  public String version() {
    return config.version;
  }

  /** The minor version number: 39, 40, 41 or 42. */
  public int minorVersion() {
    String[] p = config.version.split("\\.");
    return p.length > 1 ? Integer.parseInt(p[1]) : 42;
  }

  /** Same as {@code POST /api/metadata}: merges the export into what the sandbox holds. */
  public Map<String, Integer> loadMetadata(InputStream in) {
    try {
      return new MetadataLoader(metadata).load(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public MetadataStore metadata() {
    return metadata;
  }

  public DataValueStore dataValues() {
    return dataValues;
  }

  public TrackerStore events() {
    return tracker;
  }

  /** Adds an event directly, as if imported by admin; answers its UID. */
  public String addEvent(TrackerEvent event) {
    return tracker.put(event);
  }

  public Journal journal() {
    return journal;
  }

  public void clearJournal() {
    journal.clear();
  }

  public FaultInjector faults() {
    return faults;
  }

  public List<String> usernames() {
    List<String> out = new ArrayList<>();
    for (SandboxUser u : metadata.users()) out.add(u.username());
    return out;
  }

  BasicAuth auth() {
    return auth;
  }

  Jobs jobs() {
    return jobs;
  }

  Clock clock() {
    return clock;
  }

  /** Configuration for a sandbox. */
  public static final class Builder {
    private int port;
    private String version = "2.42.4.1";
    private Path metadataPath;
    private InputStream metadataStream;
    private boolean useDefaultMetadata = true;
    private boolean defaultAdmin = true;
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> extraMetadata = new ArrayList<>();
    private int journalCapacity = 100_000;
    private boolean journalBodies = true;
    private int threads = 8;
    private Clock clock = Clock.systemUTC();

    public Builder port(int port) { this.port = port; return this; }

    /** "2.39", "2.40", "2.41", "2.42" or a full version such as "2.41.3". */
    public Builder version(String v) {
      this.version = switch (v) {
        case "2.42" -> "2.42.4.1";
        case "2.41" -> "2.41.6";
        case "2.40" -> "2.40.9";
        case "2.39" -> "2.39.10";
        default -> v;
      };
      return this;
    }

    public Builder metadata(Path path) { this.metadataPath = path; this.metadataStream = null; return this; }
    public Builder metadata(InputStream in) { this.metadataStream = in; this.metadataPath = null; return this; }
    /** Starts with no metadata beyond DHIS2's defaults (ignores the classpath demo metadata). */
    public Builder emptyMetadata() { this.useDefaultMetadata = false; this.metadataPath = null; this.metadataStream = null; return this; }
    /** More metadata (a JSON export as text) merged after the main file. */
    public Builder extraMetadata(String json) { this.extraMetadata.add(json); return this; }
    public Builder user(String username, String password) { users.put(username, password); return this; }
    /** Leaves out the built-in admin/district user (unless the metadata or {@link #user} adds one). */
    public Builder withoutDefaultAdmin() { this.defaultAdmin = false; return this; }
    public Builder apiToken(String token, String username) { tokens.put(token, username); return this; }
    public Builder journalCapacity(int n) { this.journalCapacity = n; return this; }
    /** Whether the journal keeps request bodies (turn off for million-value runs). */
    public Builder journalBodies(boolean keep) { this.journalBodies = keep; return this; }
    public Builder threads(int n) { this.threads = Math.max(2, n); return this; }
    public Builder clock(Clock clock) { this.clock = clock; return this; }

    public Dhis2Sandbox build() {
      return new Dhis2Sandbox(this);
    }
  }
}
