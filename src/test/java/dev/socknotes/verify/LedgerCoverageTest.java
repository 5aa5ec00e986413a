package dev.socknotes.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule for our own content, not a build error (a new page without claims still builds): the
 * ledger covers the site — enough decided claims, and every section that demonstrates behaviour
 * with a run snippet has a claim that one of its snippets proves.
 */
class LedgerCoverageTest {
    private static final Pattern SECTION = Pattern.compile("^#{2,3} .*\\{#([^}]+)}\\s*$");
    private static final Pattern RUN = Pattern.compile("^```java run\\b.*\\bid=(\\S+)");

    private static List<ClaimLedger.Claim> ledger() throws IOException {
        var loaded = new ClaimLedger().load(Path.of("data/claims.yaml"), Path.of("data/claims.yaml"));
        assertThat(loaded.diagnostics()).isEmpty();
        return loaded.claims();
    }

    @Test
    void theLedgerHasAtLeastThirtyDecidedClaimsEachWithShowsLines() throws IOException {
        List<ClaimLedger.Claim> decided = ledger().stream().filter(ClaimLedger.Claim::decided).toList();
        assertThat(decided).hasSizeGreaterThanOrEqualTo(30);
        for (ClaimLedger.Claim c : decided) {
            assertThat(c.proofs()).as(c.id()).isNotEmpty().allSatisfy(p -> assertThat(p.shows()).isNotEmpty());
        }
    }

    @Test
    void everySectionWithARunSnippetHasAClaimProvedByOneOfItsSnippets() throws IOException {
        Set<String> proved = ledger().stream().flatMap(c -> c.proofs().stream()).map(p -> p.snippet().toString())
                .collect(Collectors.toSet());
        List<String> uncovered = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> s = Files.list(Path.of("content/en"))) {
            pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            String topic = page.getFileName().toString().replaceFirst("\\.md$", "");
            Map<String, List<String>> snippetsBySection = new LinkedHashMap<>();
            String section = "(intro)";
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                Matcher m = SECTION.matcher(line);
                if (m.matches()) {
                    section = m.group(1);
                }
                Matcher r = RUN.matcher(line);
                if (r.find()) {
                    snippetsBySection.computeIfAbsent(section, k -> new ArrayList<>()).add(topic + "#" + r.group(1));
                }
            }
            snippetsBySection.forEach((s, ids) -> {
                if (ids.stream().noneMatch(proved::contains)) {
                    uncovered.add(page + " #" + s + " " + ids);
                }
            });
        }
        assertThat(uncovered).as("sections whose snippets prove no claim of data/claims.yaml").isEmpty();
    }
}
