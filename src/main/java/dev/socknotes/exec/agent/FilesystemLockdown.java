package dev.socknotes.exec.agent;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the agent's mount namespace read-only except its scratch folder and a private {@code /tmp},
 * before any snippet runs. Needs a mount namespace of its own inside a user namespace (which
 * {@code unshare -rm} gives); the build's mounts are not touched.
 *
 * <p>Debian 12's util-linux cannot remount a tree read-only recursively; {@code mount_setattr(2)}
 * with {@code AT_RECURSIVE} (Linux 5.12) can, in one call. Where that call is missing or refused,
 * every mount listed in {@code /proc/self/mountinfo} is remounted read-only on its own, keeping the
 * flags the user namespace may not drop. Either way a write fails with EROFS, which Java reports as
 * {@code FileSystemException: ...: Read-only file system}.
 */
public final class FilesystemLockdown {
    /** How the whole tree is made read-only. */
    public enum Method {
        /** {@code mount_setattr(AT_FDCWD, "/", AT_RECURSIVE, MOUNT_ATTR_RDONLY)}. */
        MOUNT_SETATTR("mount_setattr"),
        /** {@code mount(MS_REMOUNT | MS_BIND | MS_RDONLY)} for each mount. */
        REMOUNT_EACH("remount");

        private final String word;

        Method(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Method of(String word) {
            for (Method m : values()) {
                if (m.word.equals(word)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("no lockdown method " + word);
        }
    }

    /**
     * What stays writable and what must stay visible.
     *
     * @param scratch     the agent's working directory and HOME: stays writable
     * @param staging     an empty directory outside /tmp's new mount, where the private /tmp is
     *                    prepared before it is moved into place
     * @param keepVisible paths the agent needs (its class path, the JDK); those under /tmp are
     *                    bound into the private /tmp at the same place, read-only
     */
    public record Plan(Path scratch, Path staging, List<Path> keepVisible) {}

    private static final Path TMP = Path.of("/tmp");
    private static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_REMOUNT = 32,
            MS_NOSYMFOLLOW = 256, MS_NOATIME = 1024, MS_NODIRATIME = 2048, MS_BIND = 4096, MS_MOVE = 8192,
            MS_REC = 16384, MS_RELATIME = 1 << 21, MS_STRICTATIME = 1 << 24;
    /** Per-mount flags as /proc/self/mountinfo spells them; a user namespace may not clear these on remount. */
    private static final Map<String, Long> MOUNT_FLAGS = Map.of("nosuid", MS_NOSUID, "nodev", MS_NODEV,
            "noexec", MS_NOEXEC, "nosymfollow", MS_NOSYMFOLLOW, "noatime", MS_NOATIME, "nodiratime", MS_NODIRATIME,
            "relatime", MS_RELATIME, "strictatime", MS_STRICTATIME);
    private static final int AT_FDCWD = -100;
    private static final int AT_RECURSIVE = 0x8000;
    private static final long MOUNT_ATTR_RDONLY = 1;
    /** The same number on x86-64 and arm64 (the generic syscall table). */
    private static final long SYS_MOUNT_SETATTR = 442;
    private static final int ENOSYS = 38, EPERM = 1, EINVAL = 22;
    /** Room for what snippets put in the private /tmp: it lives in memory. */
    private static final String TMP_OPTIONS = "mode=1777,size=256m,nr_inodes=65536";

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MOUNT = LINKER.downcallHandle(LINKER.defaultLookup().find("mount").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle CHDIR = LINKER.downcallHandle(LINKER.defaultLookup().find("chdir").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS), Linker.Option.captureCallState("errno"));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private FilesystemLockdown() {}

    /** A system call that failed; {@code errno} says why. */
    public static final class LockdownException extends Exception {
        private final int errno;

        LockdownException(String what, int errno) {
            super(what + ": " + strerror(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    /**
     * Applies the plan and makes the tree read-only with {@code method}, or, when empty, with
     * mount_setattr where the kernel has it and by remounting each mount where not. Returns the
     * method used. The working directory is the scratch folder afterwards.
     */
    public static Method apply(Plan plan, Optional<Method> method) throws LockdownException, IOException {
        Path scratch = plan.scratch().toRealPath();
        privateTmp(scratch, plan.staging(), plan.keepVisible());
        if (!scratch.startsWith(TMP)) {
            mount(scratch.toString(), scratch.toString(), null, MS_BIND, null, "bind " + scratch);
        }
        Method used;
        if (method.orElse(Method.MOUNT_SETATTR) == Method.MOUNT_SETATTR) {
            try {
                setReadOnly("/", true, AT_RECURSIVE);
                used = Method.MOUNT_SETATTR;
            } catch (LockdownException e) {
                int errno = e.errno();
                // missing (before 5.12) or filtered (seccomp): the old mount call can do it too
                if (method.isPresent() || (errno != ENOSYS && errno != EPERM && errno != EINVAL)) {
                    throw e;
                }
                remountEach(true);
                used = Method.REMOUNT_EACH;
            }
        } else {
            remountEach(true);
            used = Method.REMOUNT_EACH;
        }
        for (Path writable : List.of(TMP, scratch)) {
            if (used == Method.MOUNT_SETATTR) {
                setReadOnly(writable.toString(), false, 0);
            } else {
                remount(writable.toString(), flagsOf(writable), false);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) CHDIR.invokeExact(state, arena.allocateFrom(scratch.toString())) != 0) {
                throw new LockdownException("chdir " + scratch, (int) ERRNO.get(state, 0L));
            }
        } catch (LockdownException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return used;
    }

    /**
     * A fresh tmpfs on /tmp. It is filled on a staging folder first, with the needed paths that
     * lived under the old /tmp bound into it, then moved onto /tmp in one step.
     */
    private static void privateTmp(Path scratch, Path staging, List<Path> keepVisible) throws LockdownException, IOException {
        Files.createDirectories(staging);
        mount("tmpfs", staging.toString(), "tmpfs", MS_NOSUID | MS_NODEV, TMP_OPTIONS, "tmpfs on " + staging);
        List<Path> carried = new ArrayList<>();
        carried.add(scratch);
        for (Path p : keepVisible) {
            if (Files.exists(p)) {
                carried.add(p.toRealPath());
            }
        }
        for (Path p : carried) {
            if (!p.startsWith(TMP) || p.equals(TMP)) {
                continue;
            }
            Path target = staging.resolve(TMP.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.createFile(target);
                }
            }
            mount(p.toString(), target.toString(), null, MS_BIND | MS_REC, null, "bind " + p + " into the private /tmp");
        }
        mount(staging.toString(), TMP.toString(), null, MS_MOVE, null, "move the private /tmp into place");
    }

    private static void setReadOnly(String path, boolean readOnly, int flags) throws LockdownException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(32); // struct mount_attr: attr_set, attr_clr, propagation, userns_fd
            attr.set(JAVA_LONG, readOnly ? 0 : 8, MOUNT_ATTR_RDONLY);
            MemorySegment state = arena.allocate(CALL_STATE);
            long rc = (long) SYSCALL.invokeExact(state, SYS_MOUNT_SETATTR, AT_FDCWD, arena.allocateFrom(path), flags, attr,
                    attr.byteSize());
            if (rc != 0) {
                throw new LockdownException("mount_setattr " + path + (readOnly ? " read-only" : " writable"),
                        (int) ERRNO.get(state, 0L));
            }
        } catch (LockdownException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Every mount, parents first; one hidden under another is reached through the top one only, and so is unreachable. */
    private static void remountEach(boolean readOnly) throws LockdownException, IOException {
        for (Mount m : mounts()) {
            remount(m.point(), m.flags(), readOnly);
        }
    }

    private static void remount(String point, long flags, boolean readOnly) throws LockdownException {
        mount(null, point, null, MS_REMOUNT | MS_BIND | flags | (readOnly ? MS_RDONLY : 0), null,
                "remount " + point + (readOnly ? " read-only" : " writable"));
    }

    private static long flagsOf(Path point) throws LockdownException, IOException {
        long flags = 0;
        for (Mount m : mounts()) {
            if (m.point().equals(point.toString())) {
                flags = m.flags(); // the last one listed is the one on top
            }
        }
        return flags;
    }

    private record Mount(String point, long flags) {}

    private static List<Mount> mounts() throws IOException {
        List<Mount> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            long flags = 0;
            for (String option : f[5].split(",")) {
                flags |= MOUNT_FLAGS.getOrDefault(option, 0L);
            }
            out.add(new Mount(unescape(f[4]), flags));
        }
        return out;
    }

    /** mountinfo writes space, tab, newline and backslash in paths as octal escapes. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void mount(String source, String target, String type, long flags, String data, String what)
            throws LockdownException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) MOUNT.invokeExact(state, cString(arena, source), cString(arena, target), cString(arena, type),
                    flags, cString(arena, data));
            if (rc != 0) {
                throw new LockdownException(what, (int) ERRNO.get(state, 0L));
            }
        } catch (LockdownException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }

    private static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
