package dev.socknotes.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The initramfs, read back with busybox's own cpio (the reader the kernel's format is checked against). */
class GuestImageTest {
    private static final Path ROOT = Path.of("target", "matrix");

    @Test
    void cpioEntriesReadBackAsWritten(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Cpio cpio = new Cpio(bytes)) {
            cpio.file("bin/hello", "echo hi\n".getBytes(StandardCharsets.UTF_8), true);
            cpio.symlink("bin/hi", "hello");
            cpio.file("etc/odd", new byte[] {1, 2, 3}, false);
        }
        Path archive = dir.resolve("a.cpio");
        Files.write(archive, bytes.toByteArray());
        Path out = Files.createDirectories(dir.resolve("out"));
        Tool busybox = Tool.find("busybox", "busybox-static");

        Tool.Run extract = busybox.run(out, List.of("sh", "-c", "busybox cpio -id < " + archive), 60);

        assertThat(extract.ok()).as(extract.output()).isTrue();
        assertThat(Files.readString(out.resolve("bin/hello"))).isEqualTo("echo hi\n");
        assertThat(Files.isExecutable(out.resolve("bin/hello"))).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("bin/hi"))).isEqualTo(Path.of("hello"));
        assertThat(Files.readAllBytes(out.resolve("etc/odd"))).containsExactly(1, 2, 3);
        assertThat(Files.isExecutable(out.resolve("etc/odd"))).isFalse();
    }

    @Test
    void imageHoldsInitShellRuntimeAgentAndTheModulesTheChannelNeeds() throws Exception {
        Kernel kernel = ((KernelFetch.Result.Ready) new KernelFetch(ROOT, KernelFetch.MIRROR).fetch(Suite.BOOKWORM)).kernel();

        Path image = new GuestImage(ROOT).build(kernel);

        Tool busybox = Tool.find("busybox", "busybox-static");
        List<String> entries = busybox.run(image.getParent(), List.of("sh", "-c", "busybox cpio -t < " + image), 120)
                .output().lines().toList();
        assertThat(entries).contains("init", "bin/busybox", "bin/sh", "opt/jdk/bin/java", "opt/jdk/lib/server/classes.jsa",
                "opt/socknotes/lib/support.jar", "opt/socknotes/lib/agent.jar", "opt/socknotes/lib/jshell-execution.jar",
                "lib/modules/virtio.ko", "lib/modules/virtio_ring.ko", "lib/modules/virtio_pci.ko",
                "lib/modules/virtio_console.ko", "lib64/ld-linux-x86-64.so.2",
                "usr/bin/ss", "lib/x86_64-linux-gnu/libmnl.so.0", "lib/modules/inet_diag.ko", "lib/modules/tcp_diag.ko");
        assertThat(entries).noneMatch(e -> e.contains("jdk.compiler") || e.endsWith("classes_nocoops.jsa"));
        // modules load after what they depend on
        String init = busybox.run(image.getParent(), List.of("sh", "-c", "busybox cpio -i --to-stdout init < " + image), 60).output();
        assertThat(init.indexOf("virtio_ring.ko")).isLessThan(init.indexOf("virtio_console.ko"));
        assertThat(init.indexOf("virtio.ko")).isLessThan(init.indexOf("virtio_pci.ko"));
        assertThat(init.indexOf("inet_diag.ko")).isLessThan(init.indexOf("tcp_diag.ko"));
        assertThat(init).contains("--virtio-serial /dev/socknotes.control /dev/socknotes.execution")
                .contains("-cp /opt/socknotes/lib/support.jar:/opt/socknotes/lib/agent.jar:/opt/socknotes/lib/jshell-execution.jar")
                .doesNotContain("AOTCache");
    }

    @Test
    void agentJarsHoldTheAgentTheSupportLibraryAndJShellsExecutionClassesAndAreTheSameBytesEachTime() throws Exception {
        var jars = new GuestImage(ROOT).agentJars();

        assertThat(jars.keySet()).containsExactly("support.jar", "agent.jar", "jshell-execution.jar");
        assertThat(entries(jars.get("agent.jar"))).contains("dev/socknotes/exec/agent/AgentMain.class");
        assertThat(entries(jars.get("support.jar"))).contains("dev/socknotes/support/Libc.class")
                .noneMatch(e -> e.startsWith("dev/socknotes/exec/"));
        assertThat(entries(jars.get("jshell-execution.jar"))).contains("jdk/jshell/execution/RemoteExecutionControl.class",
                "jdk/jshell/spi/ExecutionControl.class");
        // an archive records the jars it was made from: rebuilt jars must not invalidate it
        assertThat(new GuestImage(ROOT).agentIdentity()).isEqualTo(new GuestImage(ROOT).agentIdentity());
        assertThat(new GuestImage(ROOT).agentJars().get("agent.jar")).isEqualTo(jars.get("agent.jar"));
    }

    private static List<String> entries(byte[] jar) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
