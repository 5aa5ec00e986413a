package dev.socknotes.verify;

import dev.socknotes.render.UiStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

final class TestUi {
    private TestUi() {}

    static UiStrings load() {
        try {
            return UiStrings.load(Path.of("templates/ui"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
