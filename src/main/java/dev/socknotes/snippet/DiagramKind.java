package dev.socknotes.snippet;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The diagrams the build draws in place of an empty fence {@code ```diagram KIND}: a closed set. */
public enum DiagramKind {
    /** The TCP closing state machine, the states the page's verified outputs mention marked. */
    TCP_STATES("tcp-states");

    private final String name;

    DiagramKind(String name) {
        this.name = name;
    }

    /** As written after {@code diagram} in the fence's info string. */
    public String fenceName() {
        return name;
    }

    public static Optional<DiagramKind> of(String fenceName) {
        return Arrays.stream(values()).filter(k -> k.name.equals(fenceName)).findFirst();
    }

    static List<String> fenceNames() {
        return Arrays.stream(values()).map(DiagramKind::fenceName).toList();
    }
}
