package dev.socknotes.snippet;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.socknotes.content.Page;
import dev.socknotes.content.SourceText;
import dev.socknotes.internal.Suggest;
import dev.socknotes.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a page's Markdown and collects its run snippets with their output blocks, its explicit
 * heading ids and its links to other topics, reporting every malformed fence it finds.
 */
public final class PageParser {
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\{#([A-Za-z][A-Za-z0-9_-]*)\\}\\s*$");
    private static final Pattern SNIPPET_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d+)(ms|s)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    public record Result(ParsedPage page, List<Diagnostic> diagnostics) {}

    public Result parse(Page page) {
        SourceText src = page.source();
        List<Diagnostic> errors = new ArrayList<>();
        Document doc = Markdown.PARSER.parse(blankHeader(src.text(), page.header().bodyStart()));
        List<Snippet> snippets = new ArrayList<>();
        Map<Node, Snippet> snippetNodes = new IdentityHashMap<>();
        List<ParsedPage.HeadingRef> headings = new ArrayList<>();
        List<ParsedPage.TopicLink> links = new ArrayList<>();
        List<ParsedPage.ClaimRef> claimRefs = new ArrayList<>();
        String section = null;
        Map<String, Integer> idLines = new HashMap<>();
        Map<Node, DiagramKind> diagrams = new IdentityHashMap<>();

        for (Node node : doc.getDescendants()) {
            if (node instanceof FencedCodeBlock fence) {
                handleFence(page, fence, snippets, snippetNodes, idLines, errors);
                diagram(src, fence, errors).ifPresent(kind -> diagrams.put(fence, kind));
            } else if (node instanceof Heading h) {
                String id = explicitId(h);
                int line = src.lineOf(h.getStartOffset());
                if (id == null && (h.getLevel() == 2 || h.getLevel() == 3)) {
                    errors.add(Diagnostic.error(src.path(), line, 1, "section heading needs an explicit id shared by "
                            + "both languages, e.g. '## The symptom {#symptom}' / '## 现象 {#symptom}'", src.line(line)));
                }
                headings.add(new ParsedPage.HeadingRef(h.getLevel(), id, line, h));
                section = id != null ? id : section;
            } else if (node instanceof Link link && link.getUrl().startsWith(ParsedPage.CLAIM_SCHEME)) {
                claimRef(src, link, section, errors).ifPresent(claimRefs::add);
            } else if (node instanceof Link link) {
                topicLink(page, link).ifPresent(links::add);
            }
        }
        List<PageSection> sections = sections(page, doc, snippetNodes, diagrams, errors);
        return new Result(new ParsedPage(page, List.copyOf(snippets), List.copyOf(headings),
                List.copyOf(links), List.copyOf(claimRefs), sections), errors);
    }

    /** The page's top-level blocks, typed, grouped into sections at the headings with explicit ids. */
    private static List<PageSection> sections(Page page, Document doc, Map<Node, Snippet> snippetNodes,
                                              Map<Node, DiagramKind> diagrams, List<Diagnostic> errors) {
        SourceText src = page.source();
        List<PageSection> sections = new ArrayList<>();
        String id = PageSection.LEAD;
        int level = 0;
        int headingLine = src.lineOf(Math.min(page.header().bodyStart(), Math.max(0, src.text().length() - 1)));
        Node heading = null;
        List<Block> blocks = new ArrayList<>();
        for (Node node : doc.getChildren()) {
            int line = src.lineOf(node.getStartOffset());
            if (node instanceof Heading h && explicitId(h) != null) {
                sections.add(new PageSection(id, level, headingLine, heading, blocks));
                id = explicitId(h);
                level = h.getLevel();
                headingLine = line;
                heading = h;
                blocks = new ArrayList<>();
                continue;
            }
            blocks.add(block(src, node, line, snippetNodes, diagrams, errors));
        }
        sections.add(new PageSection(id, level, headingLine, heading, blocks));
        return List.copyOf(sections);
    }

    private static Block block(SourceText src, Node node, int line, Map<Node, Snippet> snippetNodes,
                               Map<Node, DiagramKind> diagrams, List<Diagnostic> errors) {
        if (node instanceof FencedCodeBlock fence) {
            String info = fence.getInfo().toString().strip();
            Snippet snippet = snippetNodes.get(fence);
            if (snippet != null) {
                return isRun(fence) ? new Block.RunSnippet(snippet, fence, line) : new Block.OutputBlock(snippet, fence, line);
            }
            if (diagrams.containsKey(fence)) {
                return new Block.Diagram(diagrams.get(fence), fence, line);
            }
            if (info.equals(TERMBASE_FENCE) && !fence.getClosingMarker().isEmpty()) {
                return new Block.Termbase(fence, line);
            }
            return new Block.DisplayCode(info, fence.getContentChars().toString(), fence, line);
        }
        if (node instanceof IndentedCodeBlock code) {
            return new Block.DisplayCode("", code.getContentChars().toString(), code, line);
        }
        if (node instanceof Reference ref && ref.getReference().toString().equals(Block.FactsException.LABEL)) {
            List<String> values = Arrays.stream(ref.getTitle().toString().split(";")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                errors.add(Diagnostic.error(src.path(), line, src.columnOf(ref.getStartOffset()),
                        "[" + Block.FactsException.LABEL + "] needs the values in its title: [" + Block.FactsException.LABEL
                                + "]: # \"60 s; EPIPE\"", src.line(line)));
            }
            return new Block.FactsException(values, ref, line);
        }
        return new Block.Prose(node, line);
    }

    /** The info string of the fence the build replaces with the termbase's table. */
    public static final String TERMBASE_FENCE = "termbase";

    private static String explicitId(Heading h) {
        Matcher m = EXPLICIT_ID.matcher(h.getChars().toString().strip());
        return m.find() ? m.group(1) : null;
    }

    /** The kind of a {@code ```diagram KIND} fence; any other kind, or one not at the top level, is an error. */
    private static Optional<DiagramKind> diagram(SourceText src, FencedCodeBlock fence, List<Diagnostic> errors) {
        String[] tokens = fence.getInfo().toString().strip().split("\\s+");
        if (!tokens[0].equals("diagram") || fence.getClosingMarker().isEmpty()) {
            return Optional.empty();
        }
        int line = src.lineOf(fence.getStartOffset());
        Optional<DiagramKind> kind = tokens.length == 2 ? DiagramKind.of(tokens[1]) : Optional.empty();
        if (kind.isEmpty()) {
            String given = tokens.length > 1 ? "unknown diagram '" + tokens[1] + "'" : "diagram without a kind";
            String hint = tokens.length > 1 ? Suggest.closest(tokens[1], DiagramKind.fenceNames()).map(s -> "; did you mean '" + s + "'?")
                    .orElse("") : "";
            errors.add(Diagnostic.error(src.path(), line, tokens.length > 1 ? columnOfToken(src, fence, tokens[1])
                    : src.columnOf(fence.getStartOffset()), given + hint + " (diagrams: ```diagram "
                    + String.join(", ```diagram ", DiagramKind.fenceNames()) + ")", src.line(line)));
        } else if (!(fence.getParent() instanceof Document)) {
            errors.add(Diagnostic.error(src.path(), line, src.columnOf(fence.getStartOffset()),
                    "diagrams must stand at the top level of the page, not inside a list or quote", src.line(line)));
            return Optional.empty();
        }
        return kind;
    }

    private void handleFence(Page page, FencedCodeBlock fence, List<Snippet> snippets, Map<Node, Snippet> snippetNodes,
                             Map<String, Integer> idLines, List<Diagnostic> errors) {
        SourceText src = page.source();
        Path path = src.path();
        int fenceLine = src.lineOf(fence.getStartOffset());
        if (fence.getClosingMarker().isEmpty()) {
            errors.add(Diagnostic.error(path, fenceLine, src.columnOf(fence.getStartOffset()),
                    "unterminated code fence: no closing " + fence.getOpeningMarker() + " before the end of the "
                            + (fence.getParent() instanceof Document ? "file" : "enclosing block"),
                    src.line(fenceLine)));
            return;
        }
        String info = fence.getInfo().toString().strip();
        String[] tokens = info.isEmpty() ? new String[0] : info.split("\\s+");
        boolean runBlock = tokens.length >= 2 && tokens[0].equals("java") && tokens[1].equals("run");
        boolean outputBlock = tokens.length >= 1 && tokens[0].equals("output");
        if ((runBlock || outputBlock) && !(fence.getParent() instanceof Document)) {
            errors.add(Diagnostic.error(path, fenceLine, src.columnOf(fence.getStartOffset()),
                    "run snippets and output blocks must stand at the top level of the page, not inside a list or quote",
                    src.line(fenceLine)));
            return;
        }
        if (tokens.length > 0 && tokens[0].equals("output")) {
            Node prev = fence.getPrevious();
            if (!(prev instanceof FencedCodeBlock p && isRun(p))) {
                errors.add(Diagnostic.error(path, fenceLine, src.columnOf(fence.getStartOffset()),
                        "output block does not follow a ```java run block (only blank lines may separate them)",
                        src.line(fenceLine)));
            }
            if (tokens.length > 1) {
                errors.add(Diagnostic.error(path, fenceLine, columnOfToken(src, fence, tokens[1]),
                        "output blocks take no options", src.line(fenceLine)));
            }
            return;
        }
        if (tokens.length < 2 || !tokens[0].equals("java")) {
            return;
        }
        if (!tokens[1].equals("run")) {
            String hint = Suggest.closest(tokens[1], List.of("run")).isPresent()
                    ? "did you mean 'run'?" : "executed blocks start with ```java run; plain ```java blocks take no options";
            errors.add(Diagnostic.error(path, fenceLine, columnOfToken(src, fence, tokens[1]),
                    "unknown fence modifier '" + tokens[1] + "': " + hint, src.line(fenceLine)));
            return;
        }
        Optional<SnippetOptions> options = parseOptions(src, fence, tokens, errors);
        if (options.isEmpty()) {
            return;
        }
        SnippetOptions opts = options.get();
        if (opts.id().isPresent()) {
            Integer first = idLines.putIfAbsent(opts.id().get(), fenceLine);
            if (first != null) {
                errors.add(Diagnostic.error(path, fenceLine, columnOfToken(src, fence, "id=" + opts.id().get()),
                        "duplicate snippet id '" + opts.id().get() + "' (first used on line " + first + ")",
                        src.line(fenceLine)));
            }
        }
        Optional<ExpectedBlock> expected = Optional.empty();
        Node next = fence.getNext();
        if (next instanceof FencedCodeBlock out && out.getInfo().toString().strip().split("\\s+")[0].equals("output")
                && !out.getClosingMarker().isEmpty()) {
            int outLine = src.lineOf(out.getStartOffset());
            if (!opts.hasOutputBlock()) {
                errors.add(Diagnostic.error(path, outLine, src.columnOf(out.getStartOffset()),
                        "a " + (opts.hidden() ? "hidden" : "silent") + " snippet takes no output block; remove it",
                        src.line(outLine)));
            }
            String text = OutputPattern.normalize(stripFinalNewline(out.getContentChars().toString()));
            expected = Optional.of(new ExpectedBlock(text, outLine, lineStart(src, out.getStartOffset()),
                    lineEnd(src, out.getClosingMarker().getEndOffset())));
            snippetNodes.put(out, null);
        }
        BasedSequence content = fence.getContentChars();
        int indent = src.columnOf(fence.getStartOffset()) - 1;
        Snippet snippet = new Snippet(path, page.lang(), page.topicKey(), snippets.size(), opts, info,
                stripFinalNewline(content.toString()), fenceLine, indent,
                lineEnd(src, fence.getClosingMarker().getEndOffset()), expected);
        snippets.add(snippet);
        snippetNodes.put(fence, snippet);
        expected.ifPresent(e -> snippetNodes.put(fence.getNext(), snippet));
    }

    private Optional<SnippetOptions> parseOptions(SourceText src, FencedCodeBlock fence, String[] tokens,
                                                  List<Diagnostic> errors) {
        Path path = src.path();
        int line = src.lineOf(fence.getStartOffset());
        int before = errors.size();
        Map<Option, String> given = new java.util.EnumMap<>(Option.class);
        for (int i = 2; i < tokens.length; i++) {
            String token = tokens[i];
            int col = columnOfToken(src, fence, tokens, i);
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? null : token.substring(eq + 1);
            Optional<Option> option = Option.of(name);
            if (option.isEmpty()) {
                String hint = Suggest.closest(name, Option.names().stream().map(n -> n.replace("=", "")).toList())
                        .map(s -> "did you mean '" + s + "'? ").orElse("");
                errors.add(Diagnostic.error(path, line, col, "unknown snippet option '" + name + "'; " + hint
                        + "valid options: " + String.join(", ", Option.names()), src.line(line)));
                continue;
            }
            Option o = option.get();
            if (given.containsKey(o)) {
                errors.add(Diagnostic.error(path, line, col, "option '" + name + "' given twice", src.line(line)));
                continue;
            }
            if (o.takesValue() && (value == null || value.isEmpty())) {
                errors.add(Diagnostic.error(path, line, col, "option '" + name + "' needs a value: " + o.help(),
                        src.line(line)));
                continue;
            }
            if (!o.takesValue() && value != null) {
                errors.add(Diagnostic.error(path, line, col, "option '" + name + "' takes no value: " + o.help(),
                        src.line(line)));
                continue;
            }
            String problem = switch (o) {
                case ID -> SNIPPET_ID.matcher(value).matches() ? null
                        : "snippet id must be lower-case letters, digits and '-', e.g. id=half-close";
                case THROWS -> JAVA_NAME.matcher(value).matches() ? null
                        : "throws= needs an exception class name, e.g. throws=java.net.SocketException";
                case TIMEOUT -> checkTimeout(value);
                default -> null;
            };
            if (problem != null) {
                errors.add(Diagnostic.error(path, line, col, problem, src.line(line)));
                continue;
            }
            given.put(o, value == null ? "" : value);
        }
        checkCombination(given, Option.HIDDEN, Option.SILENT, src, fence, errors);
        checkCombination(given, Option.HIDDEN, Option.THROWS, src, fence, errors);
        checkCombination(given, Option.SILENT, Option.THROWS, src, fence, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SnippetOptions(
                Optional.ofNullable(given.get(Option.ID)),
                given.containsKey(Option.HIDDEN),
                given.containsKey(Option.SILENT),
                Optional.ofNullable(given.get(Option.THROWS)),
                Optional.ofNullable(given.get(Option.TIMEOUT)).map(PageParser::parseTimeout),
                given.containsKey(Option.RESET),
                given.containsKey(Option.SLOW)));
    }

    private static void checkCombination(Map<Option, String> given, Option a, Option b, SourceText src,
                                         FencedCodeBlock fence, List<Diagnostic> errors) {
        if (given.containsKey(a) && given.containsKey(b)) {
            int line = src.lineOf(fence.getStartOffset());
            String tokenB = b.takesValue() ? b.optionName() + "=" + given.get(b) : b.optionName();
            errors.add(Diagnostic.error(src.path(), line, columnOfToken(src, fence, tokenB),
                    "options '" + a.optionName() + "' and '" + b.optionName() + "' cannot be combined", src.line(line)));
        }
    }

    private static String checkTimeout(String value) {
        Matcher m = TIMEOUT.matcher(value);
        if (!m.matches()) {
            return "timeout must be a number followed by ms or s, e.g. timeout=30s";
        }
        Duration d = parseTimeout(value);
        if (d.isZero() || d.compareTo(SnippetOptions.MAX_TIMEOUT) > 0) {
            return "timeout must be more than 0 and at most " + SnippetOptions.MAX_TIMEOUT.toSeconds() + "s";
        }
        return null;
    }

    private static Duration parseTimeout(String value) {
        Matcher m = TIMEOUT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(value);
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }

    private static boolean isRun(FencedCodeBlock fence) {
        String[] t = fence.getInfo().toString().strip().split("\\s+");
        return t.length >= 2 && t[0].equals("java") && t[1].equals("run");
    }

    /** {@code [](claim:ID)}: the link text stays empty, the page shows the claim's verdict badge in its place. */
    private static Optional<ParsedPage.ClaimRef> claimRef(SourceText src, Link link, String section, List<Diagnostic> errors) {
        int offset = link.getUrl().getStartOffset() + ParsedPage.CLAIM_SCHEME.length();
        int line = src.lineOf(offset);
        String id = link.getUrl().toString().substring(ParsedPage.CLAIM_SCHEME.length());
        String problem = !link.getText().isBlank() ? "a claim reference has empty link text; the page shows the verdict there: [](claim:"
                + id + ")" : !link.getTitle().isEmpty() ? "a claim reference takes no title; the claim's wording is its title"
                : id.isEmpty() ? "claim reference without a claim id: [](claim:ID), ID as in data/claims.yaml" : null;
        if (problem != null) {
            errors.add(Diagnostic.error(src.path(), src.lineOf(link.getStartOffset()), src.columnOf(link.getStartOffset()),
                    problem, src.line(src.lineOf(link.getStartOffset()))));
            return Optional.empty();
        }
        return Optional.of(new ParsedPage.ClaimRef(id, section, line, src.columnOf(offset), link));
    }

    private Optional<ParsedPage.TopicLink> topicLink(Page page, Link link) {
        String url = link.getUrl().toString();
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || SCHEME.matcher(url).find()) {
            return Optional.empty();
        }
        int hash = url.indexOf('#');
        String file = hash < 0 ? url : url.substring(0, hash);
        String anchor = hash < 0 ? null : url.substring(hash + 1);
        if (!file.endsWith(".md")) {
            return Optional.empty();
        }
        Path pageDir = Path.of(page.topicKey()).getParent();
        Path target = (pageDir == null ? Path.of(file) : pageDir.resolve(file)).normalize();
        String key = target.toString().replace('\\', '/').replaceFirst("\\.md$", "");
        SourceText src = page.source();
        int offset = link.getUrl().getStartOffset();
        return Optional.of(new ParsedPage.TopicLink(key, anchor, src.lineOf(offset), src.columnOf(offset), link));
    }

    private static int columnOfToken(SourceText src, FencedCodeBlock fence, String token) {
        return columnOfToken(src, fence, new String[] {token}, 0);
    }

    /** Column of tokens[index] in the fence line, found left to right so that a repeated token gets its own place. */
    private static int columnOfToken(SourceText src, FencedCodeBlock fence, String[] tokens, int index) {
        int line = src.lineOf(fence.getStartOffset());
        String text = src.line(line);
        int from = Math.max(0, text.indexOf(fence.getOpeningMarker().toString()) + fence.getOpeningMarker().length());
        int idx = -1;
        for (int k = 0; k <= index; k++) {
            idx = text.indexOf(tokens[k], from);
            if (idx < 0) {
                return 1;
            }
            from = idx + tokens[k].length();
        }
        return text.codePointCount(0, idx) + 1;
    }

    private static String blankHeader(String text, int bodyStart) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < bodyStart && i < chars.length; i++) {
            if (chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static int lineStart(SourceText src, int offset) {
        return src.offsetOfLine(src.lineOf(offset));
    }

    /** Offset just after the line containing {@code offset - 1} (including its '\n'). */
    private static int lineEnd(SourceText src, int endOffset) {
        int line = src.lineOf(Math.max(0, endOffset - 1));
        return line < src.lineCount() ? src.offsetOfLine(line + 1) : src.text().length();
    }
}
