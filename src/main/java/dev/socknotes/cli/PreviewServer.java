package dev.socknotes.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.socknotes.Socknotes;
import dev.socknotes.config.BuildConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The preview: builds the site with the result cache, serves it on 127.0.0.1 with the JDK's HTTP
 * server, watches content/, templates/, assets/ and data/ and rebuilds the whole pipeline on change
 * (only changed topics re-run their snippets, thanks to the cache). Served HTML pages get one extra
 * script tag that polls the build generation and reloads the page after a successful rebuild; the
 * files on disk stay exactly what {@code build} writes.
 */
public final class PreviewServer implements AutoCloseable {
    static final String RELOAD_PATH = "/__socknotes/reload.js";
    static final String GENERATION_PATH = "/__socknotes/generation";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("xml", "application/xml"),
            Map.entry("zip", "application/zip"), Map.entry("jar", "application/java-archive"),
            Map.entry("jsh", "text/plain; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"));

    private final BuildConfig config;
    private final PrintStream console;
    private final AtomicLong generation = new AtomicLong();
    private HttpServer server;
    private WatchService watcher;
    private Thread watchThread;

    public PreviewServer(BuildConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    static int serve(BuildConfig config, PrintStream out) {
        try (PreviewServer p = new PreviewServer(config, out)) {
            p.start();
            out.println("serve: http://127.0.0.1:" + p.port() + "/ (Ctrl-C to stop)");
            p.watchThread.join();
            return Main.OK;
        } catch (IOException e) {
            out.println("serve: " + e.getMessage());
            return Main.ERRORS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        }
    }

    /** Builds once, starts serving and watching. A failed first build still serves (the previous site, if any). */
    public void start() throws IOException {
        rebuild();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        server.createContext("/", this::handle);
        server.start();
        watcher = FileSystems.getDefault().newWatchService();
        for (Path dir : List.of(config.contentDir(), config.templatesDir(), config.assetsDir(), config.dataDir())) {
            if (Files.isDirectory(dir)) {
                registerTree(dir);
            }
        }
        watchThread = Thread.ofPlatform().name("socknotes-watch").daemon(true).start(this::watchLoop);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many successful builds this server has made; the reload script polls it. */
    public long generation() {
        return generation.get();
    }

    private void rebuild() {
        Socknotes.BuildResult r = new Socknotes(config, console).run();
        if (r.exitCode() == 0) {
            generation.incrementAndGet();
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // Editors save in bursts (temp file, rename); collect the burst, then build once.
                while (key != null) {
                    for (var event : key.pollEvents()) {
                        if (event.context() instanceof Path p && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            Path full = ((Path) key.watchable()).resolve(p);
                            if (Files.isDirectory(full)) {
                                registerTree(full);
                            }
                        }
                    }
                    key.reset();
                    key = watcher.poll(50, TimeUnit.MILLISECONDS);
                }
                console.println("serve: change detected, rebuilding");
                rebuild();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            console.println("serve: watching stopped: " + e.getMessage());
        }
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            if (path.equals(GENERATION_PATH)) {
                send(ex, 200, "text/plain; charset=utf-8", Long.toString(generation.get()).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (path.equals(RELOAD_PATH)) {
                send(ex, 200, TYPES.get("js"), reloadScript().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path site = config.siteDir().toAbsolutePath().normalize();
            Path file = site.resolve(path.substring(1)).normalize();
            if (!file.startsWith(site)) {
                send(ex, 403, TYPES.get("txt"), "forbidden".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = site.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? withReload(Files.readString(notFound)) : "not found".getBytes(StandardCharsets.UTF_8);
                send(ex, 404, TYPES.get("html"), body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            byte[] body = ext.equals("html") ? withReload(Files.readString(file)) : Files.readAllBytes(file);
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        }
    }

    private byte[] withReload(String html) {
        String tag = "<script src=\"" + RELOAD_PATH + "\" data-generation=\"" + generation.get() + "\"></script>";
        int end = html.lastIndexOf("</body>");
        String out = end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String reloadScript() {
        return """
                (function () {
                  var me = document.currentScript, seen = me.getAttribute('data-generation');
                  setInterval(function () {
                    fetch('%s', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (g) {
                      if (g !== seen) { location.reload(); }
                    }).catch(function () {});
                  }, 500);
                })();
                """.formatted(GENERATION_PATH);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (watcher != null) {
            watcher.close();
        }
        if (watchThread != null) {
            watchThread.interrupt();
        }
    }
}
