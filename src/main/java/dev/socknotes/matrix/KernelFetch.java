package dev.socknotes.matrix;

import dev.socknotes.internal.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fetches a suite's cloud kernel from Debian's registry with {@code apt-get download} through a
 * sources list and apt state of its own under target/ (the system's apt configuration is neither
 * read nor changed), unpacks it with {@code dpkg -x} and keeps it there: a kernel is downloaded once
 * per package version. The metapackage is resolved on every fetch, so a new point release is
 * noticed; when the registry cannot be reached, the newest kernel already unpacked is used and
 * the note says so.
 */
public final class KernelFetch {
    /** Debian's registry; the archive key ships with every Debian system (debian-archive-keyring). */
    public static final String MIRROR = "http://deb.debian.org/debian";
    private static final String KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
    private static final Pattern DEPENDS = Pattern.compile("(?m)^Depends:.*?\\b(linux-image-[^\\s,()]+)");
    private static final Pattern VERSION = Pattern.compile("(?m)^Version:\\s*(\\S+)");
    private static final String READY = ".unpacked";

    private final Path root;
    private final String mirror;
    private final Tool aptGet;
    private final Tool aptCache;
    private final Tool dpkg;

    /** What became of one suite: its kernel (and a note, e.g. that a cached one is used), or why there is none. */
    public sealed interface Result {
        record Ready(Kernel kernel, Optional<String> note) implements Result {}

        record Unavailable(String suite, String reason) implements Result {}
    }

    /**
     * @param root   where apt's state and the unpacked kernels live, e.g. target/matrix
     * @param mirror the Debian mirror to fetch from
     */
    public KernelFetch(Path root, String mirror) throws Tool.MissingToolException {
        this.root = root.toAbsolutePath();
        this.mirror = mirror;
        this.aptGet = Tool.find("apt-get", "apt");
        this.aptCache = Tool.find("apt-cache", "apt");
        this.dpkg = Tool.find("dpkg", "dpkg");
    }

    public Result fetch(Suite suite) throws IOException {
        return fetch(suite.codename(), suite);
    }

    /** The kernel of a suite given by codename; {@code suite} is what the result is recorded as. */
    Result fetch(String codename, Suite suite) throws IOException {
        Path apt = root.resolve("apt").resolve(codename);
        Path unpackedRoot = root.resolve("kernels").resolve(codename);
        for (String dir : List.of("parts", "lists/partial", "cache/archives/partial")) {
            Files.createDirectories(apt.resolve(dir));
        }
        Files.writeString(apt.resolve("sources.list"),
                "deb [signed-by=" + KEYRING + "] " + mirror + " " + codename + " main\n", StandardCharsets.UTF_8);
        if (!Files.exists(apt.resolve("status"))) {
            Files.createFile(apt.resolve("status"));
        }
        List<String> options = aptOptions(apt);

        Tool.Run update = aptGet.run(apt, concat(options, "update"), 300);
        boolean notServed = update.output().contains("does not have a Release file") || update.output().contains(" 404 ");
        if (!update.ok() || notServed || update.output().contains("Failed to fetch")) {
            String reason = (notServed ? "the registry " + mirror + " does not serve suite '" + codename + "'"
                    : "apt-get update of suite '" + codename + "' from " + mirror + " failed")
                    + " (" + update.tail().replace('\n', ' ') + ")";
            return newestUnpacked(suite, unpackedRoot)
                    .<Result>map(k -> new Result.Ready(k, Optional.of(reason + "; using " + k.imagePackage() + " "
                            + k.packageVersion() + " fetched earlier")))
                    .orElse(new Result.Unavailable(codename, reason));
        }
        Tool.Run meta = aptCache.run(apt, concat(options, "show", "--no-all-versions", Suite.METAPACKAGE), 120);
        Matcher depends = DEPENDS.matcher(meta.output());
        if (!meta.ok() || !depends.find()) {
            return new Result.Unavailable(codename, "suite '" + codename + "' has no " + Suite.METAPACKAGE + " (apt-cache show: "
                    + meta.tail().replace('\n', ' ') + ")");
        }
        String image = depends.group(1);
        Tool.Run show = aptCache.run(apt, concat(options, "show", "--no-all-versions", image), 120);
        Matcher version = VERSION.matcher(show.output());
        if (!show.ok() || !version.find()) {
            return new Result.Unavailable(codename, Suite.METAPACKAGE + " of '" + codename + "' depends on " + image
                    + ", which the registry does not list");
        }
        Path unpacked = unpackedRoot.resolve(image + "_" + version.group(1));
        if (!Files.exists(unpacked.resolve(READY))) {
            Optional<String> problem = download(apt, options, image, version.group(1), unpacked);
            if (problem.isPresent()) {
                return new Result.Unavailable(codename, problem.get());
            }
        }
        return new Result.Ready(kernelIn(suite, image, version.group(1), unpacked), Optional.empty());
    }

    private Optional<String> download(Path apt, List<String> options, String image, String version, Path unpacked)
            throws IOException {
        Path downloads = Files.createDirectories(apt.resolve("downloads"));
        Tool.Run get = aptGet.run(downloads, concat(options, "download", image + "=" + version), 900);
        Path deb = downloads.resolve(image + "_" + version.replace(":", "%3a") + "_amd64.deb");
        if (!get.ok() || !Files.exists(deb)) {
            return Optional.of("apt-get download " + image + "=" + version + " failed: " + get.tail().replace('\n', ' '));
        }
        FileTrees.deleteTree(unpacked);
        Files.createDirectories(unpacked);
        Tool.Run x = dpkg.run(downloads, List.of("-x", deb.toString(), unpacked.toString()), 300);
        Files.delete(deb);
        if (!x.ok()) {
            return Optional.of("dpkg -x " + deb.getFileName() + " failed: " + x.tail().replace('\n', ' '));
        }
        Files.writeString(unpacked.resolve(READY), image + " " + version + "\n");
        return Optional.empty();
    }

    /** The private apt state: nothing of /etc/apt or /var/lib/apt is read, nothing is written there. */
    private static List<String> aptOptions(Path apt) {
        return List.of("-q",
                "-o", "Dir::Etc::sourcelist=" + apt.resolve("sources.list"),
                "-o", "Dir::Etc::sourceparts=" + apt.resolve("parts"),
                "-o", "Dir::Etc::preferences=/dev/null",
                "-o", "Dir::Etc::preferencesparts=" + apt.resolve("parts"),
                "-o", "Dir::State=" + apt,
                "-o", "Dir::State::Lists=" + apt.resolve("lists"),
                "-o", "Dir::State::status=" + apt.resolve("status"),
                "-o", "Dir::Cache=" + apt.resolve("cache"),
                "-o", "APT::Architecture=amd64",
                "-o", "APT::Architectures=amd64",
                "-o", "APT::Sandbox::User=" + System.getProperty("user.name"),
                "-o", "Debug::NoLocking=1");
    }

    private static Kernel kernelIn(Suite suite, String image, String version, Path unpacked) throws IOException {
        Path boot = unpacked.resolve("boot");
        Path vmlinuz;
        try (Stream<Path> files = Files.list(boot)) {
            vmlinuz = files.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                    .orElseThrow(() -> new IOException(image + " " + version + " holds no boot/vmlinuz-*"));
        }
        String release = vmlinuz.getFileName().toString().substring("vmlinuz-".length());
        Path modules = Stream.of("lib/modules", "usr/lib/modules").map(d -> unpacked.resolve(d).resolve(release))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IOException(image + " " + version + " holds no lib/modules/" + release));
        return new Kernel(suite, image, version, release, vmlinuz, modules);
    }

    private static Optional<Kernel> newestUnpacked(Suite suite, Path unpackedRoot) throws IOException {
        if (!Files.isDirectory(unpackedRoot)) {
            return Optional.empty();
        }
        List<Path> ready = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(unpackedRoot)) {
            dirs.filter(d -> Files.exists(d.resolve(READY))).forEach(ready::add);
        }
        Optional<Path> newest = ready.stream().max(Comparator.comparing(d -> {
            try {
                return Files.getLastModifiedTime(d.resolve(READY));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        String[] imageAndVersion = Files.readString(newest.get().resolve(READY)).strip().split(" ");
        return Optional.of(kernelIn(suite, imageAndVersion[0], imageAndVersion[1], newest.get()));
    }

    private static List<String> concat(List<String> options, String... arguments) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(arguments));
        return all;
    }
}
