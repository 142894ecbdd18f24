package org.lmisbridge.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, validated access to the bridge's settings. Every getter names the setting in its error,
 * so a wrong value fails start-up with a message an integrator can act on.
 */
public final class Settings {

    private final Function<String, Optional<String>> source;

    public Settings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public Optional<String> optional(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String text(String key) {
        return optional(key).orElseThrow(() -> new InvalidSettingException(key, "is required but not set"));
    }

    public String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public int positiveInt(String key, int fallback) {
        return intBetween(key, fallback, 1, Integer.MAX_VALUE);
    }

    public int intBetween(String key, int fallback, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "'" + raw.get() + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    public double positiveDouble(String key, double fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + raw.get() + "' is not a positive number");
    }

    public boolean flag(String key, boolean fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidSettingException(key, "'" + raw.get() + "' is not true or false");
        };
    }

    public String oneOf(String key, String fallback, String... allowed) {
        String value = text(key, fallback);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new InvalidSettingException(key, "'" + value + "' is not one of " + Arrays.toString(allowed));
    }

    /** An absolute http or https URL, without a trailing slash. */
    public String httpUrl(String key) {
        String value = text(key);
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                if (uri.getUserInfo() != null) {
                    throw new InvalidSettingException(key, "must not carry credentials; use the environment (see README)");
                }
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + value + "' is not an http(s) URL such as https://dhis2.example.org");
    }
}
