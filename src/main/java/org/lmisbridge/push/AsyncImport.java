package org.lmisbridge.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/**
 * Following an asynchronous import ({@code push.async=true}): DHIS2 answers the post with a task id; the route
 * polls {@code /api/system/tasks/DATAVALUE_IMPORT/{id}} until a notification says completed, then reads the import
 * summary from {@code /api/system/taskSummaries/DATAVALUE_IMPORT/{id}}, which is read per value like a direct
 * answer. Bound as {@code pushAsyncImport}.
 */
public class AsyncImport {

    public static final String TASK = "pushTaskId";
    public static final String DONE = "pushTaskDone";
    private static final String POLLS = "pushTaskPolls";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxPolls;

    public AsyncImport(int maxPolls) {
        this.maxPolls = maxPolls;
    }

    /** Reads the task id from the answer to the post. */
    public void started(Exchange exchange) throws Exception {
        JsonNode answer = JSON.readTree(exchange.getMessage().getBody(String.class));
        String id = answer.path("response").path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalStateException("DHIS2 did not answer the asynchronous import with a task id");
        }
        exchange.setProperty(TASK, id);
        exchange.setProperty(DONE, false);
        exchange.setProperty(POLLS, 0);
        prepareGet(exchange);
    }

    /** Reads the task's notifications: done when one says completed. Gives up after push.async-max-polls. */
    public void polled(Exchange exchange) throws Exception {
        int polls = exchange.getProperty(POLLS, 0, Integer.class) + 1;
        exchange.setProperty(POLLS, polls);
        JsonNode notes = JSON.readTree(exchange.getMessage().getBody(String.class));
        for (JsonNode n : notes) {
            if (n.path("completed").asBoolean(false)) {
                exchange.setProperty(DONE, true);
            }
        }
        if (!exchange.getProperty(DONE, false, Boolean.class) && polls >= maxPolls) {
            throw new IllegalStateException("import task " + exchange.getProperty(TASK) + " not completed after "
                    + polls + " polls");
        }
        prepareGet(exchange);
    }

    private static void prepareGet(Exchange exchange) {
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setBody(null);
    }
}
