package dev.socknotes.snippet;

import com.vladsch.flexmark.util.ast.Node;
import java.util.List;

/**
 * One top-level block of a page, typed once by {@link PageParser}: every later stage (translation
 * sync, the facts and termbase checks) reads these instead of parsing Markdown again.
 * {@link #line()} is the 1-based source line the block starts on.
 */
public sealed interface Block {
    Node node();

    int line();

    /** Text a translator writes: paragraphs, lists, tables, quotes, headings without an id. */
    record Prose(Node node, int line) implements Block {}

    /** A {@code ```java run} block. */
    record RunSnippet(Snippet snippet, Node node, int line) implements Block {}

    /** The {@code ```output} block of {@code snippet}. */
    record OutputBlock(Snippet snippet, Node node, int line) implements Block {}

    /** Code shown but not run: a fence that is neither run, output nor diagram, or an indented block. */
    record DisplayCode(String info, String code, Node node, int line) implements Block {}

    /** A {@code ```diagram KIND} fence, drawn by the build. */
    record Diagram(DiagramKind kind, Node node, int line) implements Block {}

    /** A {@code ```termbase} fence: the build puts the termbase (data/terms.yaml) there as a table. */
    record Termbase(Node node, int line) implements Block {}

    /**
     * {@code [only-here]: # "VALUE; VALUE"}: facts that this section states and its translation
     * deliberately does not (a reference definition, so it renders as nothing).
     *
     * @param values as the facts check prints them ({@code 60 s}, {@code EPIPE}, {@code shutdown()})
     */
    record FactsException(List<String> values, Node node, int line) implements Block {
        /** The reference label that marks a deliberate difference of facts. */
        public static final String LABEL = "only-here";
    }
}
