package dev.socknotes.support;

import java.util.Map;

/** Linux errno numbers (x86_64 and aarch64 share them) with their names and fixed descriptions. */
public final class Errno {
    private record Entry(String name, String text) {}

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            Map.entry(1, new Entry("EPERM", "Operation not permitted")),
            Map.entry(2, new Entry("ENOENT", "No such file or directory")),
            Map.entry(4, new Entry("EINTR", "Interrupted system call")),
            Map.entry(5, new Entry("EIO", "Input/output error")),
            Map.entry(9, new Entry("EBADF", "Bad file descriptor")),
            Map.entry(11, new Entry("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(12, new Entry("ENOMEM", "Cannot allocate memory")),
            Map.entry(13, new Entry("EACCES", "Permission denied")),
            Map.entry(14, new Entry("EFAULT", "Bad address")),
            Map.entry(22, new Entry("EINVAL", "Invalid argument")),
            Map.entry(24, new Entry("EMFILE", "Too many open files")),
            Map.entry(32, new Entry("EPIPE", "Broken pipe")),
            Map.entry(88, new Entry("ENOTSOCK", "Socket operation on non-socket")),
            Map.entry(89, new Entry("EDESTADDRREQ", "Destination address required")),
            Map.entry(92, new Entry("ENOPROTOOPT", "Protocol not available")),
            Map.entry(95, new Entry("EOPNOTSUPP", "Operation not supported")),
            Map.entry(98, new Entry("EADDRINUSE", "Address already in use")),
            Map.entry(99, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(101, new Entry("ENETUNREACH", "Network is unreachable")),
            Map.entry(103, new Entry("ECONNABORTED", "Software caused connection abort")),
            Map.entry(104, new Entry("ECONNRESET", "Connection reset by peer")),
            Map.entry(105, new Entry("ENOBUFS", "No buffer space available")),
            Map.entry(106, new Entry("EISCONN", "Transport endpoint is already connected")),
            Map.entry(107, new Entry("ENOTCONN", "Transport endpoint is not connected")),
            Map.entry(108, new Entry("ESHUTDOWN", "Cannot send after transport endpoint shutdown")),
            Map.entry(110, new Entry("ETIMEDOUT", "Connection timed out")),
            Map.entry(111, new Entry("ECONNREFUSED", "Connection refused")),
            Map.entry(114, new Entry("EALREADY", "Operation already in progress")),
            Map.entry(115, new Entry("EINPROGRESS", "Operation now in progress")));

    private Errno() {}

    /** "ENOTCONN", or "errno 200" for a number not in the table. */
    public static String name(int errno) {
        Entry e = TABLE.get(errno);
        return e == null ? "errno " + errno : e.name();
    }

    /** "Transport endpoint is not connected", from a fixed table so output never depends on the C library's locale. */
    public static String describe(int errno) {
        Entry e = TABLE.get(errno);
        return e == null ? "unknown error" : e.text();
    }
}
