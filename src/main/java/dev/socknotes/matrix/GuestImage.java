package dev.socknotes.matrix;

import dev.socknotes.exec.AgentLauncher;
import dev.socknotes.exec.agent.AgentMain;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assembles the initramfs a matrix kernel boots from; no disk image, no root. It holds busybox
 * (as /init's shell and every command a snippet may spawn), a jlinked runtime of the build's own
 * JDK with java.base only, glibc's libraries that runtime links, the agent and the support
 * library, JShell's execution-side classes (the compiler stays on the host, so the jdk.jshell
 * module, which would pull in jdk.compiler, is not needed), and the kernel modules of the same
 * package that the virtio-serial channel needs. Besides busybox's applets it ships iproute2's
 * {@code ss} (with the libraries it links), since pages show its output, and the socket-diagnostics
 * modules {@code ss} asks the kernel through.
 */
public final class GuestImage {
    /** Where the guest finds its channels: /init links each virtio-serial port's device under its name. */
    public static final String CONTROL_PORT = "socknotes.control";
    public static final String EXECUTION_PORT = "socknotes.execution";
    /** Printed by /init before it powers the machine off: the agent's exit status. */
    public static final String AGENT_EXIT = "socknotes-agent-exit:";
    private static final String GUEST_CLASS_PATH_DIR = "/opt/socknotes/lib";

    /** What the virtio-serial channel needs, in the cloud kernels built as modules. */
    private static final List<String> NEEDED_MODULES = List.of("virtio_pci", "virtio_console", "tcp_diag");
    private static final Pattern DEPENDS = Pattern.compile("depends=([A-Za-z0-9_,-]*)\0");
    private static final Pattern LIBRARY = Pattern.compile("(?m)(?:=>\\s*)?(/\\S+\\.so[.\\d]*)\\s+\\(0x");

    private final Path root;
    private final Tool busybox;
    private final Tool ldd;
    private final Tool xz;
    private final Tool ss;
    private java.util.SequencedMap<String, byte[]> jars;

    /** @param root where the runtime and the images are kept, e.g. target/matrix */
    public GuestImage(Path root) throws Tool.MissingToolException {
        this.root = root.toAbsolutePath();
        this.busybox = Tool.find("busybox", "busybox-static");
        this.ldd = Tool.find("ldd", "libc-bin");
        this.xz = Tool.find("xz", "xz-utils");
        this.ss = Tool.find("ss", "iproute2");
    }

    /** The initramfs for one kernel without an agent archive of its own. */
    public Path build(Kernel kernel) throws IOException, URISyntaxException {
        return build(kernel, new AgentArchive.None());
    }

    /** The initramfs for one kernel, written afresh (a few seconds), next to the runtime it is made of. */
    Path build(Kernel kernel, AgentArchive archive) throws IOException, URISyntaxException {
        Path runtime = runtime();
        String kind = switch (archive) {
            case AgentArchive.Training t -> "-training";
            case AgentArchive.None n -> "-no-archive";
            case AgentArchive.Trained t -> "";
        };
        Path image = Files.createDirectories(root.resolve("initramfs")).resolve(kernel.release() + kind + ".cpio");
        Path partial = image.resolveSibling(image.getFileName() + ".partial");
        try (Cpio cpio = new Cpio(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
            for (String dir : List.of("dev", "proc", "sys", "tmp", "root")) {
                cpio.folder(dir);
            }
            cpio.file("bin/busybox", busybox.path());
            for (String applet : busybox.run(root, List.of("--list"), 60).output().strip().split("\\s+")) {
                if (!applet.equals("busybox")) {
                    cpio.symlink("bin/" + applet, "busybox");
                }
            }
            addTree(cpio, runtime, "opt/jdk", p -> !p.getFileName().toString().equals("classes_nocoops.jsa"));
            cpio.file("usr/bin/ss", ss.path().toRealPath());
            for (Path library : libraries(runtime, ss.path())) {
                cpio.file(library.toString(), library.toRealPath());
            }
            // jars, not folders of classes: class-data archives hold classes from jars only
            for (var jar : agentJars().entrySet()) {
                cpio.file(GUEST_CLASS_PATH_DIR.substring(1) + "/" + jar.getKey(), jar.getValue(), false);
            }
            if (archive instanceof AgentArchive.Trained trained) {
                cpio.file(AgentArchive.IN_GUEST.substring(1), trained.file());
            }
            List<String> modules = new ArrayList<>();
            for (Path module : moduleClosure(kernel)) {
                String name = module.getFileName().toString().replaceAll("\\.ko(\\.xz)?$", ".ko");
                cpio.file("lib/modules/" + name, moduleBytes(module), false);
                modules.add(name);
            }
            cpio.file("init", initScript(modules, archive).getBytes(StandardCharsets.UTF_8), true);
        }
        Files.move(partial, image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return image;
    }

    /** /init: mounts, modules, loopback up, the ports linked by name, then the agent; powers off when it ends. */
    private String initScript(List<String> modules, AgentArchive archive) throws IOException {
        List<String> java = new ArrayList<>(List.of("/opt/jdk/bin/java"));
        java.addAll(agentJvmOptions());
        java.addAll(archive.jvmOptions());
        // JShell's execution classes run from the class path here, not as the jdk.jshell module, so
        // they need the two java.base packages that module is exported (its console provider, misc)
        java.addAll(List.of("--add-exports=java.base/jdk.internal.io=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:-CreateCoredumpOnCrash", "-cp", guestClassPath(),
                AgentMain.class.getName(), AgentMain.VIRTIO_SERIAL, "/dev/" + CONTROL_PORT, "/dev/" + EXECUTION_PORT, "1"));
        return """
                #!/bin/sh
                export PATH=/usr/bin:/bin HOME=/root
                mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev; mount -t tmpfs tmp /tmp
                for m in %s; do insmod /lib/modules/$m || echo "socknotes: insmod $m failed"; done
                ip link set lo up
                n=0
                while [ "$(cat /sys/class/virtio-ports/*/name 2>/dev/null | wc -l)" -lt %d ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n+1)); done
                for d in /sys/class/virtio-ports/*; do ln -s "/dev/${d##*/}" "/dev/$(cat "$d/name")"; done
                cd /root
                %s
                echo "%s $?"
                %spoweroff -f
                """.formatted(String.join(" ", modules), archive instanceof AgentArchive.Training ? 3 : 2, String.join(" ", java), AGENT_EXIT,
                        archive.afterAgent());
    }

    /**
     * The guest agent's JVM options: the build's own, and emulated, interpreted only. Under
     * single-threaded emulation C1 compiled on the guest's one emulated core and cost more than it
     * saved: an agent JVM's start up to its first FFM call took about 3.0 s with C1 and 1.6 s with
     * {@code -Xint} (both from the AOT cache, this project's machine, Linux 6.12). A snippet's meaning
     * does not depend on whether its bytecode is interpreted.
     */
    static List<String> agentJvmOptions() {
        List<String> options = new ArrayList<>(AgentLauncher.JVM_OPTIONS);
        if (!VirtualMachine.kvmUsable()) {
            options.add("-Xint");
        }
        return List.copyOf(options);
    }

    /** The agent's class path in the guest: its jars, in a fixed order (an archive records it). */
    private String guestClassPath() throws IOException {
        return agentJars().keySet().stream().map(j -> GUEST_CLASS_PATH_DIR + "/" + j).collect(java.util.stream.Collectors.joining(":"));
    }

    /**
     * The jars the guest's agent runs from, by file name: the support library, the agent, and JShell's
     * execution-side classes. Their bytes are deterministic, so a training run's archive stays valid
     * as long as they do not change.
     */
    java.util.SequencedMap<String, byte[]> agentJars() throws IOException {
        if (jars == null) {
            java.util.Map<String, byte[]> jshell = new java.util.TreeMap<>();
            try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), java.util.Map.of())) {
                Path module = jrt.getPath("/modules/jdk.jshell");
                for (String pkg : List.of("jdk/jshell/execution", "jdk/jshell/spi")) {
                    try (Stream<Path> all = Files.walk(module.resolve(pkg))) {
                        for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                            jshell.put(module.relativize(p).toString(), Files.readAllBytes(p));
                        }
                    }
                }
            }
            java.util.LinkedHashMap<String, byte[]> all = new java.util.LinkedHashMap<>();
            all.put("support.jar", dev.socknotes.exec.AgentClassPath.supportJar());
            all.put("agent.jar", dev.socknotes.internal.PackageJar.jar(dev.socknotes.internal.PackageJar.classFiles(AgentMain.class)));
            all.put("jshell-execution.jar", dev.socknotes.internal.PackageJar.jar(jshell));
            jars = all;
        }
        return jars;
    }

    /**
     * What an agent archive depends on besides the runtime: the jars and the JVM options of the
     * guest's agent. A change makes a new training run.
     */
    String agentIdentity() throws IOException {
        StringBuilder sb = new StringBuilder(Runtime.version() + " " + String.join(" ", agentJvmOptions()));
        for (var jar : agentJars().entrySet()) {
            sb.append('\n').append(jar.getKey()).append(java.util.HexFormat.of().formatHex(jar.getValue()));
        }
        return dev.socknotes.cache.ResultCache.sha256(sb.toString());
    }

    /** The jlinked runtime, made once per JDK version: java.base and its class-data archive. */
    private Path runtime() throws IOException {
        Path runtime = root.resolve("runtime").resolve(Runtime.version().toString().replace('+', '_'));
        if (Files.exists(runtime.resolve("release"))) {
            return runtime;
        }
        Files.createDirectories(runtime.getParent());
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Tool.Run run = new Tool("jlink", jlink, "a JDK").run(root, List.of("--add-modules", "java.base",
                "--strip-debug", "--no-man-pages", "--no-header-files", "--generate-cds-archive",
                "--output", runtime.toString()), 600);
        if (!run.ok()) {
            dev.socknotes.internal.FileTrees.deleteTree(runtime);
            throw new IOException("jlink failed: " + run.tail());
        }
        return runtime;
    }

    /** The shared libraries that the runtime's executables and libraries and the other programs link, as ldd resolves them here. */
    private Set<Path> libraries(Path runtime, Path... programs) throws IOException {
        Set<Path> libraries = new TreeSet<>();
        List<Path> elves = new ArrayList<>(List.of(runtime.resolve("bin/java"), runtime.resolve("lib/server/libjvm.so")));
        elves.addAll(List.of(programs));
        try (Stream<Path> libs = Files.list(runtime.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".so")).forEach(elves::add);
        }
        for (Path elf : elves) {
            Matcher m = LIBRARY.matcher(ldd.run(root, List.of(elf.toString()), 60).output());
            while (m.find()) {
                Path library = Path.of(m.group(1));
                if (!library.startsWith(runtime)) {
                    libraries.add(library);
                }
            }
        }
        return libraries;
    }

    /** The modules needed and those they depend on, each after its dependencies; built-in ones have no file. */
    private List<Path> moduleClosure(Kernel kernel) throws IOException {
        java.util.Map<String, Path> byName = new java.util.HashMap<>();
        try (Stream<Path> all = Files.walk(kernel.modules().resolve("kernel"))) {
            all.filter(p -> p.toString().matches(".*\\.ko(\\.xz)?$"))
                    .forEach(p -> byName.put(p.getFileName().toString().replaceAll("\\.ko(\\.xz)?$", "").replace('-', '_'), p));
        }
        Set<Path> ordered = new LinkedHashSet<>();
        for (String name : NEEDED_MODULES) {
            addWithDependencies(name, byName, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private void addWithDependencies(String name, java.util.Map<String, Path> byName, Set<Path> ordered, Set<String> visiting)
            throws IOException {
        Path module = byName.get(name.replace('-', '_'));
        if (module == null || ordered.contains(module) || !visiting.add(name)) {
            return; // built into the kernel, already placed, or a cycle (depmod would refuse one)
        }
        Matcher m = DEPENDS.matcher(new String(moduleBytes(module), StandardCharsets.ISO_8859_1));
        if (m.find() && !m.group(1).isEmpty()) {
            for (String dependency : m.group(1).split(",")) {
                addWithDependencies(dependency, byName, ordered, visiting);
            }
        }
        ordered.add(module);
    }

    /** A module's bytes, decompressed: busybox's insmod loads plain ELF only. */
    private byte[] moduleBytes(Path module) throws IOException {
        if (!module.toString().endsWith(".xz")) {
            return Files.readAllBytes(module);
        }
        Path copy = root.resolve("modules-plain").resolve(root.relativize(module.toAbsolutePath()).toString());
        Path plain = copy.resolveSibling(module.getFileName().toString().replaceAll("\\.xz$", ""));
        if (!Files.exists(plain)) {
            Files.createDirectories(copy.getParent());
            Files.copy(module, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Tool.Run run = xz.run(copy.getParent(), List.of("-d", "-f", copy.toString()), 60);
            if (!run.ok()) {
                throw new IOException("xz could not decompress " + module + ": " + run.tail());
            }
        }
        return Files.readAllBytes(plain);
    }

    private static void addTree(Cpio cpio, Path from, String to, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                String name = to + "/" + from.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    cpio.folder(name);
                } else if (keep.test(p)) {
                    cpio.file(name, p);
                }
            }
        }
    }
}
