package dev.socknotes.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.socknotes.exec.Containment;
import dev.socknotes.exec.Environment;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.exec.TopicResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Results of whole topics from earlier builds, under target/. A topic's key covers the code and
 * options of all its executed snippets in order (so a snippet's key includes the snippets before
 * it), the sysctls, the JDK, the kernel release and the support library's hash; an entry also says
 * how far its agent was contained. Only topics whose
 * snippets all ran to a normal end (or threw as declared) are stored: failures are never cached.
 */
public final class ResultCache {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final String environmentKey;

    /** One stored snippet result; {@code kind} is "completed" or "threw". */
    record StoredSnippet(String kind, String output, String exceptionClass, String message, int unitOffset,
                         boolean lastUnit, String strayOutput) {}

    record StoredTopic(String key, String kernelRelease, String javaVendor, String javaVersion, String containment,
                       List<StoredSnippet> snippets) {}

    /**
     * @param environmentKey JDK version, kernel release and support-library hash, joined
     */
    public ResultCache(Path dir, String environmentKey) {
        this.dir = dir;
        this.environmentKey = environmentKey;
    }

    public String key(TopicJob job) {
        StringBuilder sb = new StringBuilder(environmentKey).append('\u0000').append(job.topic());
        job.sysctls().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sb.append('\u0000').append(e.getKey()).append('=').append(e.getValue()));
        job.snippets().forEach(s -> sb.append('\u0001').append(s.freshAgent()).append(s.timeout()).append('\u0002').append(s.code()));
        return sha256(sb.toString());
    }

    public Optional<TopicResult> lookup(TopicJob job) {
        Path file = fileFor(job.topic());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StoredTopic t = JSON.readValue(file.toFile(), StoredTopic.class);
            if (!t.key().equals(key(job)) || t.snippets().size() != job.snippets().size() || t.containment() == null) {
                return Optional.empty();
            }
            List<SnippetResult> results = t.snippets().stream().map(ResultCache::restore).toList();
            return Optional.of(new TopicResult(job.topic(), results,
                    new Environment(t.kernelRelease(), t.javaVendor(), t.javaVersion()),
                    Containment.valueOf(t.containment().toUpperCase(java.util.Locale.ROOT))));
        } catch (IOException e) {
            // A damaged cache entry is a miss: the topic is simply executed again.
            return Optional.empty();
        }
    }

    public void store(TopicJob job, TopicResult result) throws IOException {
        List<StoredSnippet> stored = new java.util.ArrayList<>();
        for (SnippetResult r : result.results()) {
            if (!r.strayOutput().isEmpty() || !r.processesLeftRunning().isEmpty()) {
                return;
            }
            switch (r.outcome()) {
                case Outcome.Completed c -> stored.add(new StoredSnippet("completed", c.output(), null, null, 0, true, ""));
                case Outcome.Threw t -> stored.add(new StoredSnippet("threw", t.output(), t.exceptionClass(), t.message(),
                        t.unitOffset(), t.lastUnit(), ""));
                default -> {
                    return;
                }
            }
        }
        Files.createDirectories(dir);
        Environment env = result.environment();
        Path tmp = Files.createTempFile(dir, "topic", ".tmp");
        JSON.writeValue(tmp.toFile(), new StoredTopic(key(job), env.kernelRelease(), env.javaVendor(), env.javaVersion(),
                result.containment().jsonName(), stored));
        Files.move(tmp, fileFor(job.topic()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static SnippetResult restore(StoredSnippet s) {
        Outcome o = s.kind().equals("threw")
                ? new Outcome.Threw(s.output(), s.exceptionClass(), s.message(), s.unitOffset(), s.lastUnit(), List.of())
                : new Outcome.Completed(s.output());
        return new SnippetResult(o, s.strayOutput() == null ? "" : s.strayOutput());
    }

    private Path fileFor(String topic) {
        return dir.resolve(topic.replace('/', '_') + ".json");
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
