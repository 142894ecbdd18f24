package org.lmisbridge.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox alone on 127.0.0.1 and blocks:
 * {@code --port 8080 --version 2.42 --metadata file.json --user name:password --token d2pat_x:admin}.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    Dhis2Sandbox.Builder b = Dhis2Sandbox.builder().port(8080);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--port" -> { b.port(Integer.parseInt(v)); i++; }
        case "--version" -> { b.version(v); i++; }
        case "--metadata" -> { b.metadata(Path.of(v)); i++; }
        case "--user" -> { String[] up = v.split(":", 2); b.user(up[0], up[1]); i++; }
        case "--token" -> { String[] tu = v.split(":", 2); b.apiToken(tu[0], tu[1]); i++; }
        case "--no-journal-bodies" -> b.journalBodies(false);
        default -> {
          System.err.println("Usage: SandboxMain [--port N] [--version 2.39|2.40|2.41|2.42] [--metadata file.json] "
              + "[--user name:password]... [--token d2pat_...:username]... [--no-journal-bodies]");
          System.exit(2);
        }
      }
    }
    Dhis2Sandbox sandbox = b.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::stop));
    System.out.println("DHIS2 sandbox " + sandbox.version() + " at " + sandbox.baseUrl() + " users: "
        + String.join(", ", sandbox.usernames()));
    new CountDownLatch(1).await();
  }
}
