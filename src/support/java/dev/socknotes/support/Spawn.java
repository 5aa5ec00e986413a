package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.List;

/**
 * Starts a child process that shares one of our sockets, with {@code posix_spawn}: {@code fork()}
 * is unsafe in a multi-threaded JVM, and {@link ProcessBuilder} closes every descriptor above 2.
 * The child gets the socket as descriptor 3 ({@code dup2} file action) and nothing else of ours
 * ({@code closefrom} 4), and runs a {@code /bin/sh -c} command line.
 */
public final class Spawn {
    private static final int SIGKILL = 9;
    private static final int WNOHANG = 1;
    private static final int FILE_ACTIONS_SIZE = 80; // sizeof(posix_spawn_file_actions_t), glibc x86-64 and arm64

    private static final MethodHandle INIT = Libc.fn("posix_spawn_file_actions_init", JAVA_INT, ADDRESS);
    private static final MethodHandle ADD_DUP2 = Libc.fn("posix_spawn_file_actions_adddup2", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle ADD_CLOSEFROM = Libc.fn("posix_spawn_file_actions_addclosefrom_np", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle DESTROY = Libc.fn("posix_spawn_file_actions_destroy", JAVA_INT, ADDRESS);
    private static final MethodHandle POSIX_SPAWN = Libc.fn("posix_spawn", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle KILL = Libc.fn("kill", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle WAITPID = Libc.fn("waitpid", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);

    private Spawn() {}

    /** A running child process. */
    public record Child(int pid) {
        /** Whether the process still exists (it may have exited but not been waited for). */
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        /** Sends SIGKILL and waits for the child; returns once the kernel has released its descriptors. */
        public void kill() {
            Libc.call(KILL, pid, SIGKILL);
            waitFor();
        }

        /**
         * Waits up to {@code max} for the child to exit on its own and reaps it. Returns its exit
         * status, 128 + the signal number if a signal ended it (as shells report it), or -1 if it
         * is still running.
         */
        public int awaitExit(Duration max) {
            int[] status = {-1};
            Waits.until(max, () -> (status[0] = waitFor(WNOHANG)) != -1);
            return status[0];
        }

        private int waitFor() {
            return waitFor(0);
        }

        private int waitFor(int options) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment status = arena.allocate(JAVA_INT);
                Ret r = Libc.call(WAITPID, pid, status, options);
                if (r.value() <= 0) {
                    return -1;
                }
                int s = status.get(JAVA_INT, 0);
                return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
            }
        }
    }

    /**
     * Runs {@code /bin/sh -c command} in a child process holding {@code socketFd} as its
     * descriptor 3, e.g. {@code "echo hello >&3; exec sleep 30"}.
     */
    public static Child withSocket(int socketFd, String command) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(FILE_ACTIONS_SIZE, 8);
            check(call(INIT, actions), "posix_spawn_file_actions_init");
            try {
                check(call(ADD_DUP2, actions, socketFd, 3), "posix_spawn_file_actions_adddup2");
                check(call(ADD_CLOSEFROM, actions, 4), "posix_spawn_file_actions_addclosefrom_np");
                List<String> argv = List.of("/bin/sh", "-c", command);
                MemorySegment args = arena.allocate(ADDRESS, argv.size() + 1);
                for (int i = 0; i < argv.size(); i++) {
                    args.setAtIndex(ADDRESS, i, arena.allocateFrom(argv.get(i)));
                }
                args.setAtIndex(ADDRESS, argv.size(), MemorySegment.NULL);
                MemorySegment env = arena.allocate(ADDRESS, 2);
                env.setAtIndex(ADDRESS, 0, arena.allocateFrom("PATH=/usr/bin:/bin"));
                env.setAtIndex(ADDRESS, 1, MemorySegment.NULL);
                MemorySegment pid = arena.allocate(JAVA_INT);
                check(call(POSIX_SPAWN, pid, arena.allocateFrom("/bin/sh"), actions, MemorySegment.NULL, args, env), "posix_spawn");
                return new Child(pid.get(JAVA_INT, 0));
            } finally {
                call(DESTROY, actions);
            }
        }
    }

    /** The posix_spawn family returns an error number instead of setting errno. */
    private static int call(MethodHandle h, Object... args) {
        return (int) Libc.call(h, args).value();
    }

    private static void check(int result, String what) {
        if (result != 0) {
            throw new IllegalStateException(what + " failed: " + Errno.name(result) + " (" + Errno.describe(result) + ")");
        }
    }
}
