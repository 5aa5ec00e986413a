package dev.socknotes.snippet;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The closed set of options after {@code java run}. */
public enum Option {
    ID("id", true, "id=NAME: names the snippet, referenced as topic#NAME"),
    HIDDEN("hidden", false, "hidden: executed, shown collapsed as setup code, no output block"),
    SILENT("silent", false, "silent: executed, code shown, output neither shown nor checked, no output block"),
    THROWS("throws", true, "throws=Name: must end by throwing exactly that exception class"),
    TIMEOUT("timeout", true, "timeout=N(ms|s): per-snippet limit instead of 10 s, at most 120 s"),
    RESET("reset", false, "reset: runs in a fresh agent JVM"),
    SLOW("slow", false, "slow: executed only when slow snippets are asked for (-Dsocknotes.slow=true)");

    private final String name;
    private final boolean takesValue;
    private final String help;

    Option(String name, boolean takesValue, String help) {
        this.name = name;
        this.takesValue = takesValue;
        this.help = help;
    }

    public String optionName() {
        return name;
    }

    public boolean takesValue() {
        return takesValue;
    }

    public String help() {
        return help;
    }

    public static Optional<Option> of(String name) {
        return Arrays.stream(values()).filter(o -> o.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(o -> o.takesValue ? o.name + "=" : o.name).toList();
    }
}
