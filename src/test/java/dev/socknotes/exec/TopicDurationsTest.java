package dev.socknotes.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicDurationsTest {
    @TempDir
    Path dir;

    private static TopicJob job(String topic) {
        return new TopicJob(topic, List.of(new SnippetJob(topic + "#1", "1", Duration.ofSeconds(1), false)), Map.of());
    }

    @Test
    void startsTheLongestTopicsOfTheLastBuildFirstAndNewTopicsBeforeThem() throws Exception {
        Path file = dir.resolve("d.properties");
        TopicDurations last = TopicDurations.load(file);
        last.record("short", Duration.ofMillis(100));
        last.record("long", Duration.ofMillis(9000));
        last.record("middle", Duration.ofMillis(900));
        last.record("tie", Duration.ofMillis(900));
        last.save();
        List<TopicJob> ordered = TopicDurations.load(file)
                .longestFirst(List.of(job("short"), job("middle"), job("new"), job("long"), job("tie")));
        assertThat(ordered).extracting(TopicJob::topic).containsExactly("new", "long", "middle", "tie", "short");
    }

    @Test
    void aDamagedHistoryKeepsPageOrder() throws Exception {
        Path file = dir.resolve("d.properties");
        Files.writeString(file, "a=not a number\nb=\\u12");
        assertThat(TopicDurations.load(file).longestFirst(List.of(job("a"), job("b"), job("c"))))
                .extracting(TopicJob::topic).containsExactly("a", "b", "c");
    }
}
