package dev.socknotes.support;

/**
 * What a libc call returned, with errno when it failed. Prints as {@code 0}, {@code 5} or
 * {@code -1 ENOTCONN (Transport endpoint is not connected)}.
 */
public record Ret(long value, int errno) {
    public boolean ok() {
        return value != -1;
    }

    /** "ENOTCONN", or "" when the call succeeded. */
    public String errnoName() {
        return ok() ? "" : Errno.name(errno);
    }

    public int intValue() {
        return (int) value;
    }

    @Override
    public String toString() {
        return ok() ? Long.toString(value) : value + " " + Errno.name(errno) + " (" + Errno.describe(errno) + ")";
    }
}
