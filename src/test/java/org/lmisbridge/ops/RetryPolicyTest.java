package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://dhis2/api/dataValueSets", status, "x", null, null, "body");
    }

    @Test
    void ioFailuresServerErrorsAndTooManyRequestsAreRetried() {
        assertThat(RetryPolicy.isRetryable(new ConnectException("refused"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new SocketTimeoutException("read timed out"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new RuntimeException(new IOException("connection reset")))).isTrue();
        assertThat(RetryPolicy.isRetryable(http(500))).isTrue();
        assertThat(RetryPolicy.isRetryable(http(503))).isTrue();
        assertThat(RetryPolicy.isRetryable(http(429))).isTrue();
    }

    @Test
    void otherClientErrorsAndBadDataAreNotRetried() {
        assertThat(RetryPolicy.isRetryable(http(400))).isFalse();
        assertThat(RetryPolicy.isRetryable(http(401))).isFalse();
        assertThat(RetryPolicy.isRetryable(http(404))).isFalse();
        assertThat(RetryPolicy.isRetryable(http(409))).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalArgumentException("bad value"))).isFalse();
        assertThat(RetryPolicy.isRetryable(null)).isFalse();
    }

    @Test
    void retriesStopAfterTheConfiguredNumberOfRedeliveries() {
        RetryPolicy policy = new RetryPolicy(2);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(http(503));
        exchange.getIn().setHeader(Exchange.REDELIVERY_COUNTER, 1);
        assertThat(policy.shouldRetry(exchange)).isTrue();
        exchange.getIn().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        assertThat(policy.shouldRetry(exchange)).isTrue();
        exchange.getIn().setHeader(Exchange.REDELIVERY_COUNTER, 3);
        assertThat(policy.shouldRetry(exchange)).isFalse();
    }
}
