package org.lmisbridge.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** Logback converter {@code %mask(...)}: whatever it wraps is passed through {@link SecretMasker}. */
public class MaskingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return SecretMasker.mask(in);
    }
}
