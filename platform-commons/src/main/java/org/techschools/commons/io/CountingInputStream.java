package org.techschools.commons.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read or skipped through it and tells {@link #counted} after each step, which refuses by throwing:
 * the way a cap on untrusted input (a request body, an unpacked workbook part) is checked before more is taken in.
 */
public abstract class CountingInputStream extends FilterInputStream {

    private long total;

    protected CountingInputStream(InputStream in) {
        super(in);
    }

    /**
     * @param added bytes read by this step
     * @param total bytes read through this stream so far
     */
    protected abstract void counted(long added, long total);

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    private void count(long n) {
        total += n;
        counted(n, total);
    }
}
