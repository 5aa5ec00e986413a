package dev.socknotes.verify;

import dev.socknotes.content.SourceText;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.diagnostic.Severity;
import dev.socknotes.snippet.Block;
import dev.socknotes.snippet.PageSection;
import dev.socknotes.snippet.ParsedPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a translation must not change, compared section pair by section pair: numbers with their
 * units, errno and signal names, TCP state names, inline code spans and link targets. A value in
 * one language's section and not in the other's is reported at its place, naming the other
 * section; {@code [only-here]: # "VALUE; VALUE"} in the section that has it marks it deliberate.
 */
public final class SectionFacts {
    // the longer spellings first, so that "ms" is not read as "m" and "seconds" not as "s"
    /** English writes small numbers as words ("ten bytes", "a five-byte reply"); the value is the number. */
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");
    /**
     * Chinese writes them with its numerals, directly before the unit ("两分钟", "一秒", "五个字节"); not
     * after a word that makes 一 an article ("最后一个字节" is the last byte, "上一秒" the previous second).
     */
    private static final List<String> CHINESE_NUMERALS = List.of("零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(?:(\\d+(?:\\.\\d+)?)[\\s-]?|((?i:" + String.join("|", NUMBER_WORDS)
            + "))[\\s-]|(?<!最后|[上下第每同这那哪单唯某])(十[一二]|[零一二两三四五六七八九十])(?=[毫微纳秒分小个字]))(milliseconds?|microseconds?|"
            + "seconds?|minutes?|hours?|bytes?|KiB|MiB|GiB|KB|kB|MB|GB|ms|µs|us|ns|min|s|B|%|毫秒|微秒|纳秒|秒钟|秒|分钟|小时|个字节|字节)(?![A-Za-z])");
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("millisecond", "ms"), Map.entry("milliseconds", "ms"),
            Map.entry("毫秒", "ms"), Map.entry("microsecond", "µs"), Map.entry("microseconds", "µs"), Map.entry("us", "µs"),
            Map.entry("微秒", "µs"), Map.entry("纳秒", "ns"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("秒", "s"), Map.entry("秒钟", "s"), Map.entry("minute", "min"), Map.entry("minutes", "min"),
            Map.entry("分钟", "min"), Map.entry("hour", "h"), Map.entry("hours", "h"), Map.entry("小时", "h"),
            Map.entry("byte", "B"), Map.entry("bytes", "B"), Map.entry("字节", "B"), Map.entry("个字节", "B"));
    /** errno names, signal names and TCP state names (Linux's and RFC 9293's spellings). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w-])(E(?!STABLISHED)[A-Z]{3,}[A-Z0-9]*|SIG[A-Z]{2,}[0-9]*|ESTABLISHED|SYN[_-]SENT"
            + "|SYN[_-]RECV|SYN[_-]RECEIVED|FIN[_-]WAIT[_-]?[12]|TIME[_-]WAIT|CLOSE[_-]WAIT|LAST[_-]ACK|LISTEN|CLOSING|CLOSED)(?![\\w-])");

    /** What a fact is, for the message. */
    public enum Kind {
        NUMBER("number"), NAME("name"), CODE("code span"), LINK("link target");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One value, normalised so that both languages' spellings compare equal ({@code 60 秒} = {@code 60 s}). */
    public record Fact(Kind kind, String value) {}

    private record Found(Fact fact, int offset) {}

    /** Both directions of every section pair the two pages share. */
    public List<Diagnostic> check(ParsedPage en, ParsedPage zh, boolean strict) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (PageSection e : en.sections()) {
            zh.section(e.id()).ifPresent(z -> {
                compare(en, e, zh, z, strict, diagnostics);
                compare(zh, z, en, e, strict, diagnostics);
            });
        }
        return diagnostics;
    }

    /** Facts of {@code a}'s section missing from {@code b}'s, unless {@code a} marks them as its own. */
    private static void compare(ParsedPage a, PageSection as, ParsedPage b, PageSection bs, boolean strict,
                                List<Diagnostic> out) {
        Map<Fact, Integer> mine = facts(as);
        Set<Fact> theirs = facts(bs).keySet();
        Set<String> deliberate = new HashSet<>();
        as.blocks(Block.FactsException.class).forEach(x -> deliberate.addAll(x.values()));
        SourceText src = a.page().source();
        String other = b.page().source().path().toString().replace('\\', '/') + ":" + bs.headingLine();
        mine.forEach((fact, offset) -> {
            if (theirs.contains(fact) || deliberate.contains(fact.value())) {
                return;
            }
            int line = src.lineOf(offset);
            out.add(new Diagnostic(src.path(), line, src.columnOf(offset), strict ? Severity.ERROR : Severity.WARNING,
                    fact.kind().label + " '" + fact.value() + "' of " + as.display() + " is not in its translation "
                            + other, src.line(line), List.of("if the difference is deliberate, add to this section: ["
                            + Block.FactsException.LABEL + "]: # \"" + fact.value() + "\"")));
        });
    }

    /** A section's facts, each with the offset where it first occurs. */
    static Map<Fact, Integer> facts(PageSection section) {
        List<Found> found = new ArrayList<>();
        SectionProse.text(section, piece -> {
            scan(NUMBER, piece, m -> new Fact(Kind.NUMBER, number(m) + " " + UNITS.getOrDefault(m.group(4), m.group(4))), found);
            scan(NAME, piece, m -> new Fact(Kind.NAME, m.group(1)), found);
        });
        for (SectionProse.Piece code : SectionProse.codeSpans(section)) {
            String value = code.text().strip();
            boolean name = NAME.matcher(value).matches();
            found.add(new Found(new Fact(name ? Kind.NAME : Kind.CODE, value), code.offset()));
        }
        for (SectionProse.Piece link : SectionProse.linkTargets(section)) {
            found.add(new Found(new Fact(Kind.LINK, link.text()), link.offset()));
        }
        Map<Fact, Integer> first = new LinkedHashMap<>();
        found.stream().sorted(java.util.Comparator.comparingInt(Found::offset)).forEach(f -> first.putIfAbsent(f.fact(), f.offset()));
        return first;
    }

    private static String number(Matcher m) {
        if (m.group(1) != null) {
            return m.group(1);
        }
        if (m.group(2) != null) {
            return String.valueOf(NUMBER_WORDS.indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)));
        }
        return m.group(3).equals("两") ? "2" : String.valueOf(CHINESE_NUMERALS.indexOf(m.group(3)));
    }

    private static void scan(Pattern pattern, SectionProse.Piece piece, java.util.function.Function<Matcher, Fact> fact,
                             List<Found> found) {
        Matcher m = pattern.matcher(piece.text());
        while (m.find()) {
            found.add(new Found(fact.apply(m), piece.offset() + m.start()));
        }
    }
}
