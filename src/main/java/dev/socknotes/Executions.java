package dev.socknotes;

import dev.socknotes.exec.Containment;
import dev.socknotes.exec.Environment;
import dev.socknotes.exec.SnippetResult;
import java.util.Map;
import java.util.Set;

/**
 * What the execute stage produced.
 *
 * @param results      topic key → snippet index on the page → result (executed or from the cache)
 * @param environment  where the snippets ran, or null when nothing ran here
 * @param fromCache    topics whose results came from the cache
 * @param executedHere false on a machine that cannot execute snippets (not Linux)
 * @param containments topic key → how its agent was contained (absent where nothing ran)
 */
record Executions(Map<String, Map<Integer, SnippetResult>> results, Environment environment, Set<String> fromCache,
                  boolean executedHere, Map<String, Containment> containments) {}
