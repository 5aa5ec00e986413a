package dev.socknotes.content;

import dev.socknotes.internal.Suggest;
import dev.socknotes.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses JBake-style headers: {@code key=value} lines ending with a line of {@code ~~~~~~}.
 * Returns the header or the diagnostics that explain why there is none.
 */
public final class HeaderParser {
    static final String TERMINATOR = "~~~~~~";
    private static final Pattern SYSCTL_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    private static final Pattern SYSCTL_VALUE = Pattern.compile("[A-Za-z0-9 _.:-]+");
    private static final List<String> KEY_NAMES = Arrays.stream(HeaderKey.values()).map(HeaderKey::key).toList();

    public record Parsed(Optional<Header> header, List<Diagnostic> diagnostics) {}

    public Parsed parse(SourceText src, String defaultTopicKey) {
        List<Diagnostic> errors = new ArrayList<>();
        Path path = src.path();
        if (src.text().isBlank()) {
            errors.add(Diagnostic.error(path, 1, 1,
                    "empty file: a page starts with a header (title=…, date=yyyy-MM-dd) ending with " + TERMINATOR));
            return new Parsed(Optional.empty(), errors);
        }
        int terminatorLine = -1;
        for (int line = 1; line <= src.lineCount(); line++) {
            if (src.line(line).strip().equals(TERMINATOR)) {
                terminatorLine = line;
                break;
            }
        }
        if (terminatorLine < 0) {
            errors.add(Diagnostic.error(path, 1, 1,
                    "header is not terminated: add a line '" + TERMINATOR + "' after the key=value lines", src.line(1)));
            return new Parsed(Optional.empty(), errors);
        }
        Map<HeaderKey, String> values = new EnumMap<>(HeaderKey.class);
        Map<HeaderKey, Integer> lines = new EnumMap<>(HeaderKey.class);
        for (int line = 1; line < terminatorLine; line++) {
            String text = src.line(line);
            if (text.isBlank()) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                errors.add(Diagnostic.error(path, line, 1,
                        "header line is not key=value (the header ends at the line '" + TERMINATOR + "')", text));
                continue;
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            Optional<HeaderKey> known = HeaderKey.of(key);
            if (known.isEmpty()) {
                String hint = Suggest.closest(key, KEY_NAMES).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known keys: " + String.join(", ", KEY_NAMES));
                errors.add(Diagnostic.error(path, line, 1, "unknown header key '" + key + "'" + hint, text));
                continue;
            }
            if (values.containsKey(known.get())) {
                errors.add(Diagnostic.error(path, line, 1, "header key '" + key + "' given twice (first on line "
                        + lines.get(known.get()) + ")", text));
                continue;
            }
            values.put(known.get(), value);
            lines.put(known.get(), line);
        }
        for (HeaderKey k : HeaderKey.values()) {
            if (k.required() && (values.get(k) == null || values.get(k).isEmpty())) {
                errors.add(Diagnostic.error(path, terminatorLine, 1, "missing required header '" + k.key() + "' ("
                        + k.description() + ")", src.line(terminatorLine)));
            }
        }
        LocalDate date = null;
        if (values.get(HeaderKey.DATE) != null && !values.get(HeaderKey.DATE).isEmpty()) {
            try {
                date = LocalDate.parse(values.get(HeaderKey.DATE));
            } catch (DateTimeParseException e) {
                int line = lines.get(HeaderKey.DATE);
                errors.add(Diagnostic.error(path, line, 6, "date must be yyyy-MM-dd, e.g. 2026-11-24", src.line(line)));
            }
        }
        int order = 1000;
        if (values.containsKey(HeaderKey.ORDER)) {
            try {
                order = Integer.parseInt(values.get(HeaderKey.ORDER));
            } catch (NumberFormatException e) {
                int line = lines.get(HeaderKey.ORDER);
                errors.add(Diagnostic.error(path, line, 7, "order must be an integer", src.line(line)));
            }
        }
        boolean draft = false;
        if (values.containsKey(HeaderKey.STATUS)) {
            String s = values.get(HeaderKey.STATUS);
            if (s.equals("draft")) {
                draft = true;
            } else if (!s.equals("published")) {
                int line = lines.get(HeaderKey.STATUS);
                errors.add(Diagnostic.error(path, line, 8, "status must be 'published' or 'draft'", src.line(line)));
            }
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        if (values.containsKey(HeaderKey.SYSCTL)) {
            int line = lines.get(HeaderKey.SYSCTL);
            String text = src.line(line);
            int from = text.indexOf('=') + 1;
            for (String pair : values.get(HeaderKey.SYSCTL).split(",")) {
                int column = text.indexOf(pair, from) + 1 + (pair.length() - pair.stripLeading().length());
                from = column + pair.strip().length() - 1;
                String p = pair.strip();
                int eq = p.indexOf('=');
                if (eq <= 0 || !SYSCTL_NAME.matcher(p.substring(0, eq).strip()).matches()) {
                    errors.add(Diagnostic.error(path, line, column,
                            "sysctl must be name=value pairs separated by ',', e.g. net.ipv4.tcp_fin_timeout=5", text));
                    break;
                }
                String value = p.substring(eq + 1).strip();
                if (!SYSCTL_VALUE.matcher(value).matches()) {
                    // the sandbox writes the value to /proc/sys through a shell: only these characters pass
                    errors.add(Diagnostic.error(path, line, column + eq + 1,
                            "sysctl value '" + value + "' may hold only letters, digits, spaces and _ . : -", text));
                    break;
                }
                sysctls.put(p.substring(0, eq).strip(), value);
            }
        }
        boolean needsSandbox = false;
        if (values.containsKey(HeaderKey.SANDBOX)) {
            int line = lines.get(HeaderKey.SANDBOX);
            if (values.get(HeaderKey.SANDBOX).equals("required")) {
                needsSandbox = true;
            } else {
                errors.add(Diagnostic.error(path, line, 9, "sandbox can only be 'required' (leave it out otherwise)", src.line(line)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(Optional.empty(), errors);
        }
        int bodyLine = terminatorLine + 1;
        int bodyStart = Math.min(src.text().length(), src.offsetOfLine(terminatorLine) + src.line(terminatorLine).length() + 1);
        String topicKey = values.getOrDefault(HeaderKey.TOPIC, defaultTopicKey);
        Header header = new Header(values.get(HeaderKey.TITLE), date, order,
                values.getOrDefault(HeaderKey.SUMMARY, ""), draft, topicKey, sysctls, needsSandbox, bodyStart, bodyLine);
        return new Parsed(Optional.of(header), errors);
    }
}
