package org.lmisbridge.db;

import java.util.Locale;

/**
 * Connection settings for the bridge database (the LMIS reference schema and the bridge's own tables live in one
 * database). Validation messages name the property an operator sets: {@code bridge.db.url},
 * {@code bridge.db.username}, {@code bridge.db.password} (from the environment, {@code BRIDGE_DB_PASSWORD}) and
 * {@code bridge.db.max-pool-size}.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record DatabaseSettings(String url, String username, String password, int maxPoolSize) {

    public static final String URL_SETTING = "bridge.db.url";
    public static final String USERNAME_SETTING = "bridge.db.username";
    public static final String PASSWORD_SETTING = "bridge.db.password";
    public static final String MAX_POOL_SIZE_SETTING = "bridge.db.max-pool-size";

    /** The default embedded database of a first run: an H2 file in ./data, in PostgreSQL mode. */
    public static final String DEFAULT_H2_URL = "jdbc:h2:file:./data/bridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(URL_SETTING + " is not set; expected a JDBC URL such as "
                    + DEFAULT_H2_URL + " or jdbc:postgresql://host:5432/bridge");
        }
        url = url.trim();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(URL_SETTING + " must start with jdbc:h2: or jdbc:postgresql: but was '"
                    + Database.redact(url) + "'");
        }
        if (maxPoolSize < 1 || maxPoolSize > 500) {
            throw new IllegalArgumentException(MAX_POOL_SIZE_SETTING + " must be between 1 and 500 but was "
                    + maxPoolSize);
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /** Settings for a URL without credentials (H2, or PostgreSQL with trust/peer authentication). */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, null, null, 10);
    }

    public boolean isH2() {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Database.redact(url) + ", username=" + username + ", password="
                + (password == null ? "(none)" : "****") + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
