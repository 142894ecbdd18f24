package org.lmisbridge.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One e-mail for everything that went wrong in one window: new dead letters, failed flow runs and a
 * DHIS2 connection that stopped working. Pure: the text is built from the rows it is given.
 */
public record AlertDigest(List<Item> deadLetters, List<Item> failedRuns, Item connection, int shownPerKind) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One thing that needs a person: when, where (route, flow or DHIS2) and why. */
    public record Item(Instant at, String where, String why) {
    }

    public boolean isEmpty() {
        return deadLetters.isEmpty() && failedRuns.isEmpty() && connection == null;
    }

    public int count() {
        return deadLetters.size() + failedRuns.size() + (connection == null ? 0 : 1);
    }

    public String subject(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append(' ');
        String sep = "";
        if (connection != null) {
            s.append("DHIS2 connection failing");
            sep = ", ";
        }
        if (!failedRuns.isEmpty()) {
            s.append(sep).append(failedRuns.size()).append(failedRuns.size() == 1 ? " failed run" : " failed runs");
            sep = ", ";
        }
        if (!deadLetters.isEmpty()) {
            s.append(sep).append(deadLetters.size()).append(deadLetters.size() == 1 ? " dead letter" : " dead letters");
        }
        return s.toString();
    }

    public String text(String consoleUrl) {
        StringBuilder t = new StringBuilder("The LMIS-DHIS2 bridge needs a person to look at the following.\n");
        if (connection != null) {
            t.append("\nDHIS2 connection (").append(TIME.format(connection.at())).append("): ")
                    .append(connection.where()).append("\n  ").append(connection.why()).append('\n');
        }
        section(t, "Failed flow runs", failedRuns);
        section(t, "New dead letters (replay them from the console once the cause is fixed)", deadLetters);
        t.append("\nSee and act on them in the operator console: ").append(consoleUrl).append('\n');
        t.append("This digest covers one window; the next one is sent only if something new goes wrong.\n");
        return t.toString();
    }

    private void section(StringBuilder t, String title, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        t.append('\n').append(title).append(": ").append(items.size()).append('\n');
        items.stream().limit(shownPerKind).forEach(i -> t.append("- ").append(TIME.format(i.at())).append("  ")
                .append(i.where()).append(": ").append(i.why()).append('\n'));
        if (items.size() > shownPerKind) {
            t.append("  … and ").append(items.size() - shownPerKind).append(" more\n");
        }
    }
}
