package dev.socknotes.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what the agent writes to System.out and System.err (both arrive here, in the order
 * written) for the snippet currently running, or as stray output between snippets. Past the limit
 * it stops storing and calls {@code onLimit} once, so a flood cannot exhaust the build's memory.
 */
final class OutputCapture extends OutputStream {
    private final long limit;
    private final Runnable onLimit;
    private ByteArrayOutputStream current = new ByteArrayOutputStream();
    private long written;
    private boolean overLimit;

    OutputCapture(long limit, Runnable onLimit) {
        this.limit = limit;
        this.onLimit = onLimit;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        boolean fire = false;
        synchronized (this) {
            long room = Math.max(0, limit + 1 - written);
            current.write(b, off, (int) Math.min(len, room));
            written += len;
            if (written > limit && !overLimit) {
                overLimit = true;
                fire = true;
            }
        }
        if (fire) {
            onLimit.run();
        }
    }

    /** Returns what was collected since the last call, and starts collecting afresh. */
    synchronized String take() {
        String s = current.toString(StandardCharsets.UTF_8);
        current = new ByteArrayOutputStream();
        written = 0;
        overLimit = false;
        return s;
    }

    synchronized boolean overLimit() {
        return overLimit;
    }
}
