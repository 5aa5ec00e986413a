package dev.socknotes.matrix;

import dev.socknotes.exec.AgentPlacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Places each topic's agent in a qemu virtual machine booting a matrix kernel from its initramfs.
 * The agent's two channels are virtio-serial ports; qemu joins each to a connection to the build's
 * Unix socket, so JShell on the host speaks to it exactly as to a local agent, and javac is never
 * emulated. The machine is the topic's sandbox: the topic's sysctls go on the kernel command line.
 *
 * <p>Without usable KVM qemu emulates the CPU. Multi-threaded emulation crashed the JVM in
 * C1-compiled code (SIGSEGV) on this project's machine with {@code -cpu max} and {@code Nehalem}
 * alike; single-threaded emulation of a Nehalem ran every topic cleanly.
 */
public final class VirtualMachine implements AgentPlacement {
    private static final Pattern SYSCTL_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    private static final Pattern SYSCTL_VALUE = Pattern.compile("[A-Za-z0-9 _.:-]+");
    /** Boot, the agent JVM's start and the connection, emulated on a loaded machine. */
    private static final Duration CONNECT_LIMIT = Duration.ofMinutes(5);
    private static final int EMULATION_SLOWDOWN = 10;
    private static final Duration TRAINING_EXIT_LIMIT = Duration.ofMinutes(5);
    /** Debian's qemu-system-data ships it beside SeaBIOS; without it qemu's default firmware boots. */
    private static final Path QBOOT = Path.of("/usr/share/qemu/qboot.rom");

    private final Tool qemu;
    private final Kernel kernel;
    /** Switched once a training run has made an image with the agents' archive (machines already started keep theirs). */
    private volatile Path initramfs;
    private final boolean kvm;
    private final Optional<Path> archiveOut;

    public VirtualMachine(Kernel kernel, Path initramfs) throws Tool.MissingToolException {
        this(kernel, initramfs, Optional.empty());
    }

    /**
     * @param archiveOut for a training run ({@link AgentArchive.Training}): the host file the guest's
     *                   archive port writes to; the machine is then given time to write it when
     *                   its agent's connections end
     */
    VirtualMachine(Kernel kernel, Path initramfs, Optional<Path> archiveOut) throws Tool.MissingToolException {
        this.qemu = Tool.find("qemu-system-x86_64", "qemu-system-x86");
        this.kernel = kernel;
        this.initramfs = initramfs;
        this.kvm = kvmUsable();
        this.archiveOut = archiveOut;
    }

    /** Boots the machines started from now on from {@code image}. */
    void useImage(Path image) {
        this.initramfs = image;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Whether qemu runs the guest on the CPU (KVM) or emulates it. */
    public boolean accelerated() {
        return kvm;
    }

    @Override
    public List<String> command(Path socket, String name, Map<String, String> sysctls) {
        List<String> cmd = new ArrayList<>(List.of(qemu.path().toString()));
        cmd.addAll(kvm ? List.of("-accel", "kvm", "-cpu", "host") : List.of("-accel", "tcg,thread=single", "-cpu", "Nehalem"));
        if (Files.isRegularFile(QBOOT)) {
            // qemu's minimal firmware: it only loads the kernel, where SeaBIOS's emulated start took about a second
            cmd.addAll(List.of("-bios", QBOOT.toString()));
        }
        cmd.addAll(List.of("-m", "1024", "-smp", "1", "-nodefaults", "-no-reboot", "-display", "none",
                "-serial", "stdio", "-monitor", "none", "-nic", "none",
                "-kernel", kernel.vmlinuz().toString(), "-initrd", initramfs.toString(),
                "-append", kernelCommandLine(sysctls),
                "-device", "virtio-serial-pci"));
        for (String port : List.of(GuestImage.CONTROL_PORT, GuestImage.EXECUTION_PORT)) {
            String id = port.replace('.', '_');
            cmd.addAll(List.of("-chardev", "socket,id=" + id + ",path=" + socket,
                    "-device", "virtserialport,chardev=" + id + ",name=" + port));
        }
        archiveOut.ifPresent(file -> cmd.addAll(List.of("-chardev", "file,id=archive,path=" + file,
                "-device", "virtserialport,chardev=archive,name=" + AgentArchive.PORT)));
        return cmd;
    }

    /**
     * The kernel's own {@code sysctl.} parameters apply the topic's settings before /init runs.
     * The rest makes an emulated machine start sooner and run faster, and none of it touches TCP:
     * {@code mitigations=off} — the machine runs nothing but the build's agent, and the
     * CPU-vulnerability mitigations (page-table isolation switches address spaces on every system
     * call; retpolines; buffer clearing) were a third of an agent JVM's start up to its first FFM
     * call (4.5 s with, 3.0 s without, Linux 6.12); {@code cryptomgr.notests} skips the crypto
     * self-tests, {@code noreplace-smp} the patching of SMP instructions for one CPU,
     * {@code tsc=reliable} and {@code no_timer_check} the clock and timer checks meant for real
     * hardware (together about 1 s of an emulated boot).
     */
    static String kernelCommandLine(Map<String, String> sysctls) {
        StringBuilder line = new StringBuilder(
                "console=ttyS0 quiet panic=-1 mitigations=off cryptomgr.notests noreplace-smp tsc=reliable no_timer_check");
        for (Map.Entry<String, String> e : new TreeMap<>(sysctls).entrySet()) {
            if (!SYSCTL_NAME.matcher(e.getKey()).matches() || !SYSCTL_VALUE.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("not a sysctl setting: " + e.getKey() + "=" + e.getValue());
            }
            line.append(" sysctl.").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
        }
        return line.toString();
    }

    /**
     * How many times a snippet's timeout it may take here. Emulated, the first calls through the
     * support library's FFM handles took longer than the 10 s default on this project's loaded
     * 2-core machine; on KVM the guest runs at native speed.
     */
    public static int timeoutFactor() {
        return kvmUsable() ? 1 : EMULATION_SLOWDOWN;
    }

    @Override
    public Duration connectLimit() {
        return CONNECT_LIMIT;
    }

    /** A training run's agent writes its archive as it exits, emulated: tens of seconds. */
    @Override
    public Duration exitGrace() {
        return archiveOut.isPresent() ? TRAINING_EXIT_LIMIT : Duration.ZERO;
    }

    /** /dev/kvm opens, and the CPU offers hardware virtualisation (the device exists without it here). */
    static boolean kvmUsable() {
        Path kvm = Path.of("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
            return false;
        }
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .anyMatch(l -> l.startsWith("flags") && (l.contains(" vmx") || l.contains(" svm")));
        } catch (IOException e) {
            return false;
        }
    }
}
