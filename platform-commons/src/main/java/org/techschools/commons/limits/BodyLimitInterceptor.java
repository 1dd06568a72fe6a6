package org.techschools.commons.limits;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.techschools.commons.io.CountingInputStream;

/**
 * A body sent without a length (chunked) is counted as it is read: past the endpoint's limit the read fails with 413,
 * so no more than the limit is ever taken in. (A body with a length was checked before reading: RequestLimits.)
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(RequestLimits.BODY_LIMIT) instanceof Long limit) {
            context.setInputStream(new Limited(context.getInputStream(), limit));
        }
        return context.proceed();
    }

    /** Refuses to read past {@code limit} bytes. */
    static final class Limited extends CountingInputStream {

        private final long limit;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        protected void counted(long added, long total) {
            if (total > limit) {
                throw new BodyTooLargeException(limit, false);
            }
        }
    }
}
