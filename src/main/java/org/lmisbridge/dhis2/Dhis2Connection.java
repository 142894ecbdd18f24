package org.lmisbridge.dhis2;

import java.net.URI;
import java.util.Locale;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpRequest;

/**
 * The one DHIS2 connection every flow uses. It configures the http component's client so that every
 * request to the DHIS2 host carries the Authorization header, preemptively (DHIS2 answers 401
 * without a challenge). The secret therefore never sits on an exchange, where it could reach a
 * dead-letter row, a trace or JMX. A request that already has an Authorization header (login
 * delegation checks a user's own credentials) keeps it. The client never retries by itself.
 */
public final class Dhis2Connection implements HttpClientConfigurer {

    public static final String AUTHORIZATION = "Authorization";

    private final String baseUrl;
    private final Dhis2Auth auth;
    private final String authority;

    public Dhis2Connection(String baseUrl, Dhis2Auth auth) {
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.authority = authorityOf(URI.create(baseUrl));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Dhis2Auth auth() {
        return auth;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        // Retrying is the routes' business (routes/error-handling.camel.yaml); the client's own
        // retry of 503/429 would double every attempt and hide it from the attempt counts.
        builder.disableAutomaticRetries();
        builder.addRequestInterceptorFirst((request, entity, context) -> {
            if (isForDhis2(request) && !request.containsHeader(AUTHORIZATION)) {
                request.setHeader(AUTHORIZATION, auth.headerValue());
            }
        });
    }

    boolean isForDhis2(HttpRequest request) {
        try {
            return authority.equals(authorityOf(request.getUri()));
        } catch (Exception e) {
            return false;
        }
    }

    private static String authorityOf(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public String toString() {
        return "DHIS2 at " + baseUrl + " (" + auth + ")";
    }
}
