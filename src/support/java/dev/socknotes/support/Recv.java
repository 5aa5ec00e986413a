package dev.socknotes.support;

import java.nio.charset.StandardCharsets;

/** The result of a recv: the call's return value and the bytes it delivered. */
public record Recv(Ret ret, byte[] data) {
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    public boolean eof() {
        return ret.ok() && ret.value() == 0;
    }

    /** {@code 5 "hello"}, {@code 0 (EOF)} or {@code -1 ECONNRESET (...)}. */
    @Override
    public String toString() {
        if (!ret.ok()) {
            return ret.toString();
        }
        if (ret.value() == 0) {
            return "0 (EOF)";
        }
        return ret.value() + " \"" + text().replace("\n", "\\n") + "\"";
    }
}
