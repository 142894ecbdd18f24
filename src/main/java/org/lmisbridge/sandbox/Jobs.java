package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Background jobs (async data value set and tracker imports): run one at a time in submission
 * order, with DHIS2-style notifications (newest first) and a summary once done.
 */
final class Jobs {
  /** One job. */
  static final class Job {
    final String id;
    final String category;
    final List<ObjectNode> notifications = new ArrayList<>();
    volatile JsonNode summary;
    volatile boolean done;

    Job(String id, String category) {
      this.id = id;
      this.category = category;
    }

    synchronized ArrayNode notificationsJson() {
      ArrayNode a = Json.array();
      for (int i = notifications.size() - 1; i >= 0; i--) a.add(notifications.get(i));
      return a;
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dhis2-sandbox-jobs");
    t.setDaemon(true);
    return t;
  });
  private final Clock clock;

  Jobs(Clock clock) {
    this.clock = clock;
  }

  /** Starts a job; {@code done} turns its summary into the final notification's message. */
  Job submit(String category, String startMessage, Supplier<JsonNode> work, Function<JsonNode, String> done) {
    Job job = new Job(Uids.random(), category);
    notify(job, startMessage, false);
    jobs.put(job.id, job);
    executor.execute(() -> {
      JsonNode summary;
      try {
        summary = work.get();
      } catch (RuntimeException e) {
        summary = Json.object().put("status", "ERROR").put("description", "Import failed: " + e.getMessage());
      }
      job.summary = summary;
      notify(job, done.apply(summary), true);
      job.done = true;
    });
    return job;
  }

  Job get(String id) {
    return id == null ? null : jobs.get(id);
  }

  private void notify(Job job, String message, boolean completed) {
    ObjectNode n = Json.object();
    String uid = Uids.random();
    n.put("level", "INFO");
    n.put("category", job.category);
    n.put("message", message);
    n.put("completed", completed);
    n.put("id", uid);
    n.put("time", Json.timestamp(clock.instant()));
    n.put("uid", uid);
    synchronized (job) {
      job.notifications.add(n);
    }
  }

  void shutdown() {
    executor.shutdownNow();
  }
}
