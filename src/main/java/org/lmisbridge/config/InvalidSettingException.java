package org.lmisbridge.config;

/**
 * A setting in application.properties (or the environment) that the bridge cannot start with.
 * The message always starts with the name of the setting, so an operator knows what to fix.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
