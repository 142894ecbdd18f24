package org.lmisbridge.requisitions;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Brings the outcome of one page (route requisition-fetch-page, called through {@code enrich}) back to the run. The
 * page route's shared error handling retries and dead-letters a failure and marks that exchange as handled, which
 * would end the calling route too; called through enrich it fails only a copy, and here the run learns that the page
 * failed, stops, and still ends with its flow_run row.
 */
public class PageOutcome implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange run, Exchange page) {
        FetchRun fetchRun = run.getProperty(RequisitionFetch.RUN, FetchRun.class);
        Throwable failure = page.getException() != null ? page.getException()
                : page.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure != null) {
            fetchRun.fail(failure.getMessage());
            run.setProperty(RequisitionFetch.MORE, false);
        } else {
            run.setProperty(RequisitionFetch.MORE, fetchRun.hasMorePages());
        }
        return run;
    }
}
